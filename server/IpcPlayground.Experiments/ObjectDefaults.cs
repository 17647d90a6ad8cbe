using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Experiments;

/// <summary>What an object is when the experiment leaves a field out. These defaults are documented in the README.</summary>
public static class ObjectDefaults
{
    public const int SharedMemoryBytes = ObjectSizeDefaults.SharedMemoryBytes;
    public const int SemaphoreInitial = 1;
    public const int PosixQueueMessages = 10;
    public const int PosixQueueMessageSize = 1024;
    public const int FirstTcpPort = 4000;

    public static PlanObject Resolve(ObjectDefinition o, int index)
    {
        var mechanism = o.Mechanism!;
        // A semaphore starts as a lock (1); an eventfd's counter at 0.
        var initial = o.Initial ?? (mechanism.Transfer == Transfer.Counter ? 0 : SemaphoreInitial);
        var count = o.MemberCount;
        return new PlanObject
        {
            Id = o.Id!,
            Type = mechanism.Name,
            Capacity = o.Capacity,
            Path = o.Key?.Ftok?.Path ?? o.Path ?? DefaultPath(mechanism, o.Id!),
            Name = o.Name ?? (mechanism.Naming == Naming.PosixName ? "/" + o.Id : null),
            Size = o.Size ?? SharedMemoryBytes,
            Count = count,
            Initial = initial.Value ?? SemaphoreInitial,
            InitialValues = mechanism is { Transfer: Transfer.Semaphore, IsSysv: true } ? initial.ForMembers(count) : [],
            Semaphore = o.Semaphore ?? false,
            MaxMessages = o.MaxMessages ?? PosixQueueMessages,
            MessageSize = o.MessageSize ?? PosixQueueMessageSize,
            KeyKind = o.Key switch
            {
                null => mechanism.IsSysv ? SysvKeyKinds.Private : null,
                { IsPrivate: true } => SysvKeyKinds.Private,
                { Ftok: not null } => SysvKeyKinds.Ftok,
                _ => SysvKeyKinds.Number,
            },
            KeyValue = o.Key?.Value ?? 0,
            FtokProj = o.Key?.Ftok?.Proj ?? 0,
            Port = o.Port ?? FirstTcpPort + index,
        };
    }

    private static string? DefaultPath(Mechanism mechanism, string id) => mechanism switch
    {
        { Naming: not Naming.Path } => null,
        { Kind: ObjectKind.Fifo } => $"/sandbox/{id}",
        _ => $"/sandbox/{id}.sock",
    };
}

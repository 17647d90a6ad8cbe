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
        var type = o.Type!;
        return new PlanObject
        {
            Id = o.Id!,
            Type = type,
            Capacity = o.Capacity,
            Path = o.Key?.Ftok?.Path ?? o.Path ?? DefaultPath(type, o.Id!),
            Name = o.Name ?? (type is ObjectTypes.PosixMsgQueue or ObjectTypes.PosixShm or ObjectTypes.PosixSem ? "/" + o.Id : null),
            Size = o.Size ?? SharedMemoryBytes,
            Count = o.Count ?? ObjectSizeDefaults.SemaphoreCount,
            Initial = o.Initial ?? SemaphoreInitial,
            MaxMessages = o.MaxMessages ?? PosixQueueMessages,
            MessageSize = o.MessageSize ?? PosixQueueMessageSize,
            KeyKind = o.Key switch
            {
                null => type.StartsWith("sysv-", StringComparison.Ordinal) ? "private" : null,
                { IsPrivate: true } => "private",
                { Ftok: not null } => "ftok",
                _ => "number",
            },
            KeyValue = o.Key?.Value ?? 0,
            FtokProj = o.Key?.Ftok?.Proj ?? 0,
            Port = o.Port ?? FirstTcpPort + index,
        };
    }

    private static string? DefaultPath(string type, string id) => type switch
    {
        ObjectTypes.Fifo => $"/sandbox/{id}",
        ObjectTypes.UnixStream or ObjectTypes.UnixDgram => $"/sandbox/{id}.sock",
        _ => null,
    };
}

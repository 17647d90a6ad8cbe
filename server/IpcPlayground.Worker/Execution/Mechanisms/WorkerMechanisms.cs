using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>The worker's mechanisms, by kind: each family lists its own, so a new one is a class in its family's file.</summary>
internal static class WorkerMechanisms
{
    private static readonly Dictionary<ObjectKind, WorkerMechanism> ByKind =
        new WorkerMechanism[][] { Streams.All, Datagrams.All, Queues.All, SharedMemory.All, Semaphores.All, Counters.All }
            .SelectMany(family => family)
            .ToDictionary(m => m.Kind);

    /// <summary>The mechanism of an object type; a type no family has is a worker that cannot run this plan.</summary>
    public static WorkerMechanism For(ObjectKind kind) =>
        ByKind.TryGetValue(kind, out var mechanism) ? mechanism : throw new InvalidDataException($"this worker has no mechanism for object kind {kind}");

    public static WorkerMechanism For(PlanObject obj) => For(obj.Kind);
}

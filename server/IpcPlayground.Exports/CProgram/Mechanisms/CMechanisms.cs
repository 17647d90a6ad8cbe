using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>The C program's mechanisms, by kind: each family lists its own, so a new one is a class in its family's file.</summary>
internal static class CMechanisms
{
    private static readonly Dictionary<ObjectKind, CMechanism> ByKind =
        new CMechanism[][] { Streams.All, Datagrams.All, Queues.All, SharedMemory.All, Semaphores.All, Counters.All }
            .SelectMany(family => family)
            .ToDictionary(m => m.Kind);

    /// <summary>The mechanism of an object type; one no family has cannot be exported, and the message says which.</summary>
    public static CMechanism For(ObjectKind kind) =>
        ByKind.TryGetValue(kind, out var mechanism) ? mechanism : throw new NotSupportedException($"the C export has no mechanism for object kind {kind}");
}

namespace IpcPlayground.Contracts.Experiments;

/// <summary>What each op takes: required and optional fields, and the object types it applies to.</summary>
public sealed record OpSpec(
    string Op,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> Optional,
    IReadOnlyList<string>? ObjectTypes = null,
    IReadOnlyList<string>? ExactlyOneOf = null);

public static class OpCatalog
{
    private static readonly string[] Streams = [ObjectTypes.Pipe, ObjectTypes.Fifo, ObjectTypes.SocketPair, ObjectTypes.UnixStream, ObjectTypes.Tcp];
    private static readonly string[] Messages = [ObjectTypes.SysvMsgQueue, ObjectTypes.PosixMsgQueue, ObjectTypes.UnixDgram];
    private static readonly string[] SharedMemory = [ObjectTypes.SysvShm, ObjectTypes.PosixShm];
    private static readonly string[] Semaphores = [ObjectTypes.SysvSem, ObjectTypes.PosixSem];
    private static readonly string[] Named =
    [
        ObjectTypes.Fifo, ObjectTypes.UnixStream, ObjectTypes.UnixDgram, ObjectTypes.Tcp, ObjectTypes.SysvMsgQueue,
        ObjectTypes.PosixMsgQueue, ObjectTypes.SysvShm, ObjectTypes.PosixShm, ObjectTypes.SysvSem, ObjectTypes.PosixSem,
    ];
    private static readonly string[] Removable =
    [
        ObjectTypes.Fifo, ObjectTypes.UnixStream, ObjectTypes.UnixDgram, ObjectTypes.SysvMsgQueue, ObjectTypes.PosixMsgQueue,
        ObjectTypes.SysvShm, ObjectTypes.PosixShm, ObjectTypes.SysvSem, ObjectTypes.PosixSem,
    ];

    public static IReadOnlyDictionary<string, OpSpec> Specs { get; } = new OpSpec[]
    {
        new(Ops.Write, ["object"], ["data", "size", "end"], Streams, ["data", "size"]),
        new(Ops.Read, ["object", "bytes"], ["end"], Streams),
        new(Ops.Send, ["object", "data"], ["type", "priority", "nowait"], Messages),
        new(Ops.Receive, ["object"], ["type", "maxBytes", "nowait"], Messages),
        new(Ops.Open, ["object", "mode"], [], Named),
        new(Ops.Close, ["object"], ["end"], ObjectTypes.All),
        new(Ops.Store, ["object", "offset"], ["data", "int32", "size"], SharedMemory, ["data", "int32", "size"]),
        new(Ops.Load, ["object", "offset", "length"], [], SharedMemory),
        new(Ops.Increment, ["object", "offset", "times"], ["atomic"], SharedMemory),
        new(Ops.SemWait, ["object"], ["index", "count", "undo"], Semaphores),
        new(Ops.SemPost, ["object"], ["index", "count", "undo"], Semaphores),
        new(Ops.Signal, ["process", "signal"], []),
        new(Ops.Handle, ["signal", "action"], []),
        new(Ops.Block, ["signals"], []),
        new(Ops.Unblock, ["signals"], []),
        new(Ops.WaitSignal, ["signals"], ["timeoutMs"]),
        new(Ops.Spawn, ["process"], []),
        new(Ops.Wait, ["process"], []),
        new(Ops.Sleep, ["ms"], []),
        new(Ops.Repeat, ["times", "steps"], []),
        new(Ops.Stat, ["object"], [], ObjectTypes.All),
        new(Ops.Remove, ["object"], [], Removable),
        new(Ops.Exit, ["code"], []),
        new(Ops.Accept, ["object"], [], [ObjectTypes.UnixStream, ObjectTypes.Tcp]),
    }.ToDictionary(s => s.Op, StringComparer.Ordinal);

    /// <summary>The values <c>end</c> takes: a socketpair's two ends are <c>first</c> and <c>second</c> (an extension).</summary>
    public static IReadOnlyList<string> EndsOf(string objectType) =>
        objectType == ObjectTypes.SocketPair ? ["first", "second"] : ["read", "write"];
}

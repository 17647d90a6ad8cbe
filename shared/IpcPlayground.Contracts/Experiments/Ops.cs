namespace IpcPlayground.Contracts.Experiments;

/// <summary>The <c>op</c> values of a step, as the contract spells them.</summary>
public static class Ops
{
    public const string Write = "write";
    public const string Read = "read";
    public const string Send = "send";
    public const string Receive = "receive";
    public const string Open = "open";
    public const string Close = "close";
    public const string Store = "store";
    public const string Load = "load";
    public const string Increment = "increment";
    public const string SemWait = "semWait";
    public const string SemPost = "semPost";
    public const string Signal = "signal";
    public const string Handle = "handle";
    public const string Block = "block";
    public const string Unblock = "unblock";
    public const string WaitSignal = "waitSignal";
    public const string Spawn = "spawn";
    public const string Wait = "wait";
    public const string Sleep = "sleep";
    public const string Repeat = "repeat";
    public const string Stat = "stat";
    public const string Remove = "remove";
    public const string Exit = "exit";

    /// <summary>Extension: accept one connection on a unix-stream or tcp object (the process listens from its start).</summary>
    public const string Accept = "accept";
}

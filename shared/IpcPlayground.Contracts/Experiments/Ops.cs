namespace IpcPlayground.Contracts.Experiments;

/// <summary>The ops of the contract as a closed set: code that does each op switches on this, without a default.</summary>
public enum OpKind
{
    Write, Read, Send, Receive, Open, Close, Store, Load, Increment, SemWait, SemPost, Signal, Handle, Block, Unblock,
    WaitSignal, Spawn, Wait, Sleep, Repeat, Stat, Remove, Exit, Accept, Fault, Poll,
    SendFd, ReceiveFd, Exec,
}

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

    /// <summary>1.1: the process commits a real fault (<see cref="FaultKinds"/>); the kernel's signal follows.</summary>
    public const string Fault = "fault";

    /// <summary>1.1: poll(2) over this process's descriptors of several objects (<see cref="PollTarget"/>).</summary>
    public const string Poll = "poll";

    /// <summary>1.1: sendmsg(2) with SCM_RIGHTS over a Unix socket: passes a descriptor (<see cref="DescriptorRef"/>).</summary>
    public const string SendFd = "sendFd";

    /// <summary>1.1: recvmsg(2) with SCM_RIGHTS: the process holds the passed descriptor from then on, related or not.</summary>
    public const string ReceiveFd = "receiveFd";

    /// <summary>1.1: dup2 of objects' ends onto standard input and output, then execve of an allowed program; the process's last step.</summary>
    public const string Exec = "exec";

    private static readonly Dictionary<string, OpKind> Kinds = new(StringComparer.Ordinal)
    {
        [Write] = OpKind.Write, [Read] = OpKind.Read, [Send] = OpKind.Send, [Receive] = OpKind.Receive, [Open] = OpKind.Open,
        [Close] = OpKind.Close, [Store] = OpKind.Store, [Load] = OpKind.Load, [Increment] = OpKind.Increment,
        [SemWait] = OpKind.SemWait, [SemPost] = OpKind.SemPost, [Signal] = OpKind.Signal, [Handle] = OpKind.Handle,
        [Block] = OpKind.Block, [Unblock] = OpKind.Unblock, [WaitSignal] = OpKind.WaitSignal, [Spawn] = OpKind.Spawn,
        [Wait] = OpKind.Wait, [Sleep] = OpKind.Sleep, [Repeat] = OpKind.Repeat, [Stat] = OpKind.Stat, [Remove] = OpKind.Remove,
        [Exit] = OpKind.Exit, [Accept] = OpKind.Accept, [Fault] = OpKind.Fault, [Poll] = OpKind.Poll,
        [SendFd] = OpKind.SendFd, [ReceiveFd] = OpKind.ReceiveFd, [Exec] = OpKind.Exec,
    };

    /// <summary>The kind a valid <c>op</c> names; throws for any other (validation has refused it before).</summary>
    public static OpKind KindOf(string op) =>
        Kinds.TryGetValue(op, out var kind) ? kind : throw new ArgumentException($"'{op}' is not an op", nameof(op));

    public static string NameOf(OpKind kind) => Kinds.First(k => k.Value == kind).Key;

    public static IReadOnlyCollection<string> All => Kinds.Keys;
}

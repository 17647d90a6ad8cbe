using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Simulation;

namespace IpcPlayground.Fidelity.Generation;

/// <summary>
/// A random step for a process on one object, of an op that object type takes, with fields mostly sensible and
/// sometimes not (a closed end, a message too long, a member that is missing): the errors are part of the contract.
/// </summary>
internal sealed class StepProposals(ChoiceSource choices)
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz0123456789-_.,:!?";

    public static readonly string[] Signals =
    [
        "SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP", "SIGALRM", "SIGQUIT", "SIGPIPE", "SIGCHLD", "SIGURG",
        "SIGWINCH", "SIGCONT", "SIGSEGV", "SIGFPE", "SIGBUS", "SIGILL", "SIGABRT", "SIGTRAP", "SIGSYS", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGPWR", "SIGSTKFLT", "SIGIO", "SIGKILL",
    ];

    /// <summary>Text of at most <paramref name="max"/> UTF-8 bytes, now and then with a two-byte character at its end.</summary>
    public string Data(int max = 24)
    {
        var length = choices.Between(1, max);
        var text = new char[length];
        for (var i = 0; i < length; i++) text[i] = Letters[choices.Below(Letters.Length)];
        var data = new string(text);
        return length + 2 <= max && choices.Chance(5) ? data + "\u00e9" : data;
    }

    public string Signal() => choices.OneOf(Signals);

    public IReadOnlyList<string> SomeSignals() =>
        Enumerable.Range(0, choices.Between(1, 3)).Select(_ => Signal()).Distinct().ToList();

    /// <summary>A step on <paramref name="obj"/> by <paramref name="process"/>; null when nothing fits.</summary>
    public Step? On(ObjectDefinition obj, SimProcess process, SimWorld world)
    {
        var id = obj.Id!;
        return obj.Mechanism!.Kind switch
        {
            ObjectKind.Pipe => Pipe(id, obj, process, world),
            ObjectKind.Fifo => choices.Below(10) switch
            {
                0 or 1 => process.EndsOf(id).Any() && choices.Chance(70) ? new Step { Op = Ops.Stat, Object = id }
                    : new Step { Op = Ops.Open, Object = id, Mode = choices.OneOf(["read", "write", "read-write"]) },
                2 => Chance(10) ? new Step { Op = Ops.Remove, Object = id } : new Step { Op = Ops.Stat, Object = id },
                3 => Chance(50) ? new Step { Op = Ops.Close, Object = id, End = choices.Chance(70) ? null : choices.OneOf(["read", "write"]) } : new Step { Op = Ops.Stat, Object = id },
                4 or 5 or 6 => new Step { Op = Ops.Write, Object = id, Data = Data() },
                _ => new Step { Op = Ops.Read, Object = id, Bytes = choices.Between(1, 40) },
            },
            ObjectKind.SocketPair => choices.Below(10) switch
            {
                < 4 => new Step { Op = Ops.Write, Object = id, Data = Data(), End = PairEnd() },
                < 8 => new Step { Op = Ops.Read, Object = id, Bytes = choices.Between(1, 40), End = PairEnd() },
                8 => new Step { Op = Ops.Close, Object = id, End = PairEnd() },
                _ => new Step { Op = Ops.Stat, Object = id },
            },
            ObjectKind.UnixStream or ObjectKind.Tcp => Stream(id, obj.Mechanism!.Kind, process, world),
            ObjectKind.UnixDgram => Datagram(id, process, world),
            ObjectKind.SysvMsgQueue => (process.Sysv.GetValueOrDefault(id)?.Messages.Count > 0 && choices.Chance(40) ? 2 : choices.Below(6)) switch
            {
                0 or 1 => new Step { Op = Ops.Send, Object = id, Data = Data(), Type = choices.Between(1, 3), Nowait = Flag(20) },
                2 or 3 => Shorter(process.Sysv.GetValueOrDefault(id)?.Messages.FirstOrDefault().Data) is { } shorter
                    ? new Step { Op = Ops.Receive, Object = id, MaxBytes = shorter }
                    : new Step
                    {
                        Op = Ops.Receive, Object = id, Type = choices.Between(-3, 3), Nowait = Flag(40),
                        MaxBytes = choices.Chance(10) ? choices.Between(1, 8) : null,
                    },
                4 => Chance(15) ? new Step { Op = Ops.Open, Object = id, Mode = "read-write" } : new Step { Op = Ops.Stat, Object = id },
                _ => choices.Below(10) switch
                {
                    0 or 1 => new Step { Op = Ops.Remove, Object = id },
                    2 => new Step { Op = Ops.Close, Object = id }, // nothing to close: EBADF
                    _ => new Step { Op = Ops.Stat, Object = id },
                },
            },
            ObjectKind.PosixMsgQueue => choices.Below(6) switch
            {
                0 or 1 => new Step
                {
                    Op = Ops.Send, Object = id, Data = Data(choices.Chance(10) ? 90 : 24), Priority = choices.Between(0, 5), Nowait = Flag(30),
                },
                2 or 3 => new Step { Op = Ops.Receive, Object = id, Nowait = Flag(40), MaxBytes = choices.Chance(20) ? choices.Between(1, 200) : null },
                4 => choices.Chance(50)
                    ? new Step { Op = Ops.Open, Object = id, Mode = choices.OneOf(["read", "write", "read-write"]) }
                    : new Step { Op = Ops.Close, Object = id },
                _ => Chance(20) ? new Step { Op = Ops.Remove, Object = id } : new Step { Op = Ops.Stat, Object = id },
            },
            ObjectKind.SysvShm or ObjectKind.PosixShm => Memory(id, obj, process),
            ObjectKind.SysvSem => choices.Below(5) switch
            {
                0 or 1 => new Step
                {
                    Op = Ops.SemWait, Object = id, Index = Member(obj), Count = choices.Chance(30) ? choices.Between(1, 3) : null, Undo = Flag(20),
                },
                2 or 3 => new Step
                {
                    // Past SEMVMX (32767) a post fails with ERANGE.
                    Op = Ops.SemPost, Object = id, Index = Member(obj), Undo = Flag(20),
                    Count = choices.Chance(3) ? 32767 : choices.Chance(30) ? choices.Between(1, 3) : null,
                },
                _ => choices.Below(10) switch
                {
                    0 => new Step { Op = Ops.Remove, Object = id },
                    1 => new Step { Op = Ops.Open, Object = id, Mode = "read-write" },
                    2 => new Step { Op = Ops.Close, Object = id },
                    _ => new Step { Op = Ops.Stat, Object = id },
                },
            },
            ObjectKind.PosixSem => choices.Below(5) switch
            {
                0 or 1 => new Step { Op = Ops.SemWait, Object = id, Count = choices.Chance(20) ? 2 : null },
                2 or 3 => new Step { Op = Ops.SemPost, Object = id, Count = choices.Chance(20) ? 2 : null },
                _ => choices.Below(10) switch
                {
                    0 => new Step { Op = Ops.Remove, Object = id },
                    1 => new Step { Op = Ops.Open, Object = id, Mode = "read-write" },
                    2 => new Step { Op = Ops.Close, Object = id },
                    _ => new Step { Op = Ops.Stat, Object = id },
                },
            },
        };
    }

    private bool Chance(int percent) => choices.Chance(percent);

    /// <summary>Now and then a buffer too short for the message at the head of a System V queue: E2BIG, and it stays queued.</summary>
    private int? Shorter(byte[]? message) => message is { Length: > 1 } && choices.Chance(30) ? choices.Between(1, message.Length - 1) : null;

    private bool? Flag(int percent) => choices.Chance(percent) ? true : null;

    private string? PairEnd() => choices.Below(3) switch { 0 => null, 1 => "first", _ => "second" };

    private int? Member(ObjectDefinition set) => choices.Chance(40) ? choices.Below(set.Count ?? 1) : null;

    private Step Pipe(string id, ObjectDefinition obj, SimProcess process, SimWorld world)
    {
        var end = process.Find(id, "write") as PipeEnd;
        switch (choices.Below(12))
        {
            case < 5:
                // Now and then fill an empty pipe to the brim in one write, so the next write waits.
                var capacity = new PipeBuffer(obj.Capacity ?? 65536).CapacityBytes;
                if (end is { Buffer.Buffered: 0 } && choices.Chance(15)) return new Step { Op = Ops.Write, Object = id, Size = capacity };
                return choices.Chance(20)
                    ? new Step { Op = Ops.Write, Object = id, Size = choices.Between(1, 3000), End = choices.Chance(5) ? "read" : null }
                    : new Step { Op = Ops.Write, Object = id, Data = Data(), End = choices.Chance(5) ? "read" : null };
            case < 10:
                return new Step { Op = Ops.Read, Object = id, Bytes = choices.Chance(20) ? 4096 : choices.Between(1, 40), End = choices.Chance(5) ? "write" : null };
            case 10:
                return new Step { Op = Ops.Close, Object = id, End = choices.Below(3) switch { 0 => null, 1 => "read", _ => "write" } };
            default:
                _ = world;
                return new Step { Op = Ops.Stat, Object = id };
        }
    }

    private Step Stream(string id, ObjectKind kind, SimProcess process, SimWorld world)
    {
        var stream = (StreamObject)world.Object(id);
        var hasSocket = process.Find(id, "socket") is not null;
        if (stream.Binder == process.Id && !hasSocket && choices.Chance(60)) return new Step { Op = Ops.Accept, Object = id };
        if (stream.Binder != process.Id && !hasSocket && choices.Chance(60)) return new Step { Op = Ops.Open, Object = id, Mode = "read-write" };
        return choices.Below(10) switch
        {
            < 4 => new Step { Op = Ops.Write, Object = id, Data = Data() },
            < 7 => new Step { Op = Ops.Read, Object = id, Bytes = choices.Between(1, 40) },
            7 => new Step { Op = Ops.Close, Object = id },
            _ => kind == ObjectKind.UnixStream && choices.Chance(15) ? new Step { Op = Ops.Remove, Object = id } : new Step { Op = Ops.Stat, Object = id },
        };
    }

    private Step Datagram(string id, SimProcess process, SimWorld world)
    {
        var datagram = (DatagramObject)world.Object(id);
        if (datagram.Binder == process.Id)
            return choices.Below(5) switch
            {
                0 or 1 or 2 => new Step { Op = Ops.Receive, Object = id, Nowait = Flag(40), MaxBytes = choices.Chance(20) ? choices.Between(1, 10) : null },
                3 => new Step { Op = Ops.Stat, Object = id },
                _ => choices.Chance(50) ? new Step { Op = Ops.Remove, Object = id } : new Step { Op = Ops.Close, Object = id },
            };
        return choices.Below(5) switch
        {
            0 or 1 or 2 => new Step { Op = Ops.Send, Object = id, Data = Data(), Nowait = Flag(20) },
            3 => new Step { Op = Ops.Open, Object = id, Mode = "write" },
            _ => choices.Chance(50) ? new Step { Op = Ops.Stat, Object = id } : new Step { Op = Ops.Close, Object = id },
        };
    }

    private Step Memory(string id, ObjectDefinition obj, SimProcess process)
    {
        var size = obj.Size ?? ObjectSizeDefaults.SharedMemoryBytes;
        var mapped = process.Mappings.ContainsKey(id);
        switch (choices.Below(7))
        {
            case 0:
                var data = Data(Math.Min(24, size));
                return new Step { Op = Ops.Store, Object = id, Offset = choices.Between(0, size - System.Text.Encoding.UTF8.GetByteCount(data)), Data = data };
            case 1:
                return new Step { Op = Ops.Store, Object = id, Offset = choices.Between(0, (size - 4) / 4) * 4, Int32 = choices.Between(-5, 1000) };
            case 2:
                var length = choices.Chance(50) ? 4 : choices.Between(1, Math.Min(32, size));
                return new Step { Op = Ops.Load, Object = id, Offset = choices.Between(0, size - length), Length = length };
            case 3:
                return new Step { Op = Ops.Increment, Object = id, Offset = choices.Between(0, (size - 4) / 4) * 4, Times = choices.Between(1, 1000), Atomic = Flag(50) };
            case 4:
                return choices.Chance(30)
                    ? new Step { Op = Ops.Store, Object = id, Offset = 0, Size = choices.Between(1, size) }
                    : new Step { Op = Ops.Stat, Object = id };
            case 5:
                return mapped || choices.Chance(20) ? new Step { Op = Ops.Close, Object = id } : new Step { Op = Ops.Open, Object = id, Mode = "read-write" };
            default:
                return choices.Chance(25) ? new Step { Op = Ops.Remove, Object = id } : new Step { Op = Ops.Stat, Object = id };
        }
    }
}

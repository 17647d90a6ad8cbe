using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>One process as the simulator follows it: what it holds, its signal state, and the call it waits in.</summary>
internal sealed class SimProcess(string id, string? parent)
{
    public string Id { get; } = id;
    public string? Parent { get; } = parent;

    public bool Started { get; set; }

    /// <summary>Steps it has finished: a process killed from outside may die before it reports the last of them.</summary>
    public int Finished { get; set; }
    public bool Dead { get; set; }
    public bool Reaped { get; set; }

    /// <summary>Descriptions by end name, <c>p.read</c>; and those whose name a later open took (still open).</summary>
    public Dictionary<string, Description> Fds { get; } = new(StringComparer.Ordinal);
    public List<Description> Leaked { get; } = [];

    public Dictionary<string, SysvInstance> Sysv { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> QueueModes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Semaphores { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, object> Mappings { get; } = new(StringComparer.Ordinal);
    public Dictionary<(SysvInstance Set, int Member), int> Undo { get; } = [];
    public HashSet<string> Spawned { get; } = new(StringComparer.Ordinal);

    /// <summary>Signal dispositions 1..64: <c>default</c>, <c>ignore</c> or <c>log</c> (a handler).</summary>
    public string[] Dispositions { get; } = Enumerable.Repeat(SignalActions.Default, 65).ToArray();

    /// <summary>The sigaction flags of each signal's handler (<see cref="SignalFlags"/>).</summary>
    public Dictionary<int, IReadOnlyList<string>> HandlerFlags { get; } = [];
    public ulong Mask { get; set; }
    public ulong Pending { get; set; }

    /// <summary>Real-time signals queue: how many more of each are pending beyond the one its bit in <see cref="Pending"/> says.</summary>
    public Dictionary<int, int> Queued { get; } = [];

    public bool HandlerHas(int signal, string flag) => HandlerFlags.TryGetValue(signal, out var flags) && flags.Contains(flag);

    /// <summary>Adds one instance of a blocked signal: a standard one merges into one already pending, a real-time one queues.</summary>
    public void MakePending(int signal)
    {
        if ((Pending & Bit(signal)) != 0 && SignalNames.IsRealtime(signal)) Queued[signal] = Queued.GetValueOrDefault(signal) + 1;
        Pending |= Bit(signal);
    }

    /// <summary>Takes one instance of a pending signal (a real-time one may have more queued behind it).</summary>
    public void TakePending(int signal)
    {
        if (Queued.TryGetValue(signal, out var more) && more > 0)
        {
            Queued[signal] = more - 1;
            return;
        }
        Pending &= ~Bit(signal);
    }

    /// <summary>Discards every pending instance (the disposition became ignore, or a default that ignores).</summary>
    public void DiscardPending(int signal)
    {
        Pending &= ~Bit(signal);
        Queued.Remove(signal);
    }

    /// <summary>The call this process sits in, if any.</summary>
    public BlockedCall? Blocked { get; set; }

    public bool Alive => Started && !Dead;
    public bool Runnable => Alive && Blocked is null;

    public IEnumerable<Description> AllDescriptions => Fds.Values.Concat(Leaked);

    public void Hold(string objectId, string end, Description description)
    {
        var key = $"{objectId}.{end}";
        if (Fds.TryGetValue(key, out var old) && !ReferenceEquals(old, description) && !Fds.Where(p => p.Key != key).Any(p => ReferenceEquals(p.Value, old)))
            Leaked.Add(old);
        Fds[key] = description;
    }

    public Description? Find(string objectId, string end) => Fds.GetValueOrDefault($"{objectId}.{end}");

    public IEnumerable<string> EndsOf(string objectId) =>
        Fds.Keys.Where(k => k.StartsWith(objectId + ".", StringComparison.Ordinal)).Select(k => k[(objectId.Length + 1)..]).ToList();

    public static ulong Bit(int signal) => 1UL << (signal - 1);

    public bool Blocks(int signal) => (Mask & Bit(signal)) != 0;

    public SimProcess SpawnChild(string id)
    {
        var child = new SimProcess(id, Id) { Started = true };
        foreach (var (key, description) in Fds) child.Fds[key] = description;
        child.Leaked.AddRange(Leaked);
        foreach (var (key, instance) in Sysv) child.Sysv[key] = instance;
        return child;
    }
}

/// <summary>A call a process waits in: what it waits on, and how it ends when the world lets it.</summary>
internal sealed class BlockedCall(string on, Step step, Func<SimOutcome, bool> tryComplete)
{
    /// <summary>The object (or <c>child:ID</c>, <c>signal</c>) it waits on.</summary>
    public string On { get; } = on;
    public Step Step { get; } = step;

    /// <summary>Completes the call (applying its effects) if the world now lets it; false while it must go on waiting.</summary>
    public Func<SimOutcome, bool> TryComplete { get; } = tryComplete;

    /// <summary>Set for a waitSignal: the signals it takes.</summary>
    public ulong WaitedSignals { get; init; }

    /// <summary>A wait for a child and a sleep restart after a handler; every other call returns EINTR.</summary>
    public bool RestartsAfterHandler { get; init; }

    /// <summary>A call signal(7) says SA_RESTART never restarts (System V queue and semaphore calls, sigtimedwait).</summary>
    public bool NeverRestarts { get; init; }

    /// <summary>Fields of the step the kernel cannot fix (a POSIX semaphore's value when a waiter races the poster).</summary>
    public List<string> RacyFields { get; } = [];
}

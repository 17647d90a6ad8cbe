using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Services.Runs;

/// <summary>How far a run has got: its time, its events, who is blocked right now, and what went wrong or hit a limit.</summary>
public sealed class RunProgress
{
    public long ElapsedNs { get; init; }
    public int? TimeoutMs { get; init; }
    public int EventCount { get; init; }
    public required IReadOnlyList<BlockedEvent> BlockedNow { get; init; }
    public required IReadOnlyList<LimitEvent> Limits { get; init; }
    public required IReadOnlyList<ErrorEvent> Errors { get; init; }
    public required IReadOnlyList<SyscallEvent> FailedCalls { get; init; }
    public RunEndEvent? End { get; init; }

    /// <summary>For a run that ended in a deadlock: each blocked call, with the other processes that held its object then.</summary>
    public IReadOnlyList<DeadlockWait> Deadlock { get; init; } = [];

    public static RunProgress Build(IReadOnlyList<RunEvent> events)
    {
        var blocked = new Dictionary<string, BlockedEvent>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Process is not { } process) continue;
            if (e is BlockedEvent b) blocked.TryAdd(process, b);
            else if (e is SyscallEvent or ProcessExitEvent) blocked.Remove(process);
        }
        return new RunProgress
        {
            ElapsedNs = events.Count == 0 ? 0 : events.Max(e => e.TNs),
            TimeoutMs = events.OfType<RunStartEvent>().FirstOrDefault()?.TimeoutMs,
            EventCount = events.Count,
            BlockedNow = events.OfType<RunEndEvent>().Any() ? [] : [.. blocked.Values.OrderBy(b => b.Seq)],
            Limits = [.. events.OfType<LimitEvent>()],
            Errors = [.. events.OfType<ErrorEvent>()],
            FailedCalls = [.. events.OfType<SyscallEvent>().Where(s => s.Errno is not null)],
            End = events.Count > 0 ? events[^1] as RunEndEvent : null,
            Deadlock = DeadlockOf(events),
        };
    }

    /// <summary>
    /// The wait-for picture of a deadlock: who waits in which call on which object, and who else held that object
    /// (its descriptors, as the last process states said) — the only ones that could have ended the wait, and are waiting too.
    /// </summary>
    public static IReadOnlyList<DeadlockWait> DeadlockOf(IReadOnlyList<RunEvent> events)
    {
        // The run-end is the run's last event: a run still going (or a replay before its end) has no deadlock to draw.
        if (events.Count == 0 || events[^1] is not RunEndEvent { Status: RunStatuses.Deadlock, Waits: { } waits }) return [];
        var holders = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var state in events.OfType<StateEvent>())
            if (state is { Process: { } process, State: ProcessKernelState { Fds: { } fds } })
                holders[process] = [.. fds.Select(d => d.Object ?? "").Distinct()];
        return [.. waits.Select(w => new DeadlockWait(w.Process ?? "?", w.Call ?? "?", w.Object ?? w.Target,
            [.. holders.Where(h => h.Key != w.Process && (w.Object is { } o ? h.Value.Contains(o) : h.Key == w.Target)).Select(h => h.Key).Order(StringComparer.Ordinal)]))];
    }

    /// <summary>How much of the run's time limit has gone, 0 to 1 (null when the limit is not known).</summary>
    public double? TimeoutFraction => TimeoutMs is > 0 ? Math.Min(1, ElapsedNs / (TimeoutMs.Value * 1e6)) : null;
}

/// <summary>One process of a deadlock: the call it waits in, on what, and which other processes could have ended that wait.</summary>
public sealed record DeadlockWait(string Process, string Call, string? On, IReadOnlyList<string> WakersHeld);

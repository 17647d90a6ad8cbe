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
            End = events.OfType<RunEndEvent>().LastOrDefault(),
        };
    }

    /// <summary>How much of the run's time limit has gone, 0 to 1 (null when the limit is not known).</summary>
    public double? TimeoutFraction => TimeoutMs is > 0 ? Math.Min(1, ElapsedNs / (TimeoutMs.Value * 1e6)) : null;
}

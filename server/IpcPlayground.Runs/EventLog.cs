using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Runs;

/// <summary>
/// The events of one run, numbered in the order they were appended (seq 1, 2, 3 …) and completed by its
/// <c>run-end</c>. Readers replay what is there and then wait for more until the log is completed, so a late reader
/// sees the same sequence as an early one.
/// </summary>
public sealed class EventLog
{
    private readonly LiveLog<RunEvent> _log = new(e => e is RunEndEvent, (e, index) => e with { Seq = index + 1 });

    public int Count => _log.Count;

    public bool IsCompleted => _log.IsCompleted;

    /// <summary>Numbers the events (seq 1, 2, 3 ...) and appends them; returns them as numbered.</summary>
    public RunEvent[] Append(IReadOnlyList<RunEvent> events) => _log.Append(events);

    /// <summary>The log as it will be once <paramref name="next"/> is appended, without appending them.</summary>
    public RunEvent[] SnapshotWith(IReadOnlyList<RunEvent> next) => _log.SnapshotWith(next);

    public RunEvent[] Snapshot() => _log.Snapshot();

    public IAsyncEnumerable<RunEvent> ReadAllAsync(CancellationToken cancellationToken = default) => _log.ReadAllAsync(cancellationToken);
}

using System.Runtime.CompilerServices;
using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Runs;

/// <summary>
/// The events of one run, numbered in the order they were appended. Readers replay what is there and then wait for
/// more until the log is completed, so a late reader sees the same sequence as an early one.
/// </summary>
public sealed class EventLog
{
    private readonly List<RunEvent> _events = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = NewSignal();
    private bool _completed;

    public int Count
    {
        get { lock (_lock) return _events.Count; }
    }

    public bool IsCompleted
    {
        get { lock (_lock) return _completed; }
    }

    /// <summary>Numbers the events (seq 1, 2, 3 ...) and appends them; returns them as numbered.</summary>
    public RunEvent[] Append(IReadOnlyList<RunEvent> events)
    {
        TaskCompletionSource changed;
        RunEvent[] numbered;
        lock (_lock)
        {
            if (_completed) return [];
            numbered = new RunEvent[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                numbered[i] = events[i] with { Seq = _events.Count + 1 };
                _events.Add(numbered[i]);
                if (numbered[i] is RunEndEvent) _completed = true;
            }
            changed = _changed;
            _changed = NewSignal();
        }
        changed.SetResult();
        return numbered;
    }

    /// <summary>The log as it will be once <paramref name="next"/> is appended, without appending them.</summary>
    public RunEvent[] SnapshotWith(IReadOnlyList<RunEvent> next)
    {
        lock (_lock) return [.. _events, .. next.Select((e, i) => e with { Seq = _events.Count + 1 + i })];
    }

    public RunEvent[] Snapshot()
    {
        lock (_lock) return [.. _events];
    }

    public async IAsyncEnumerable<RunEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = 0;
        while (true)
        {
            RunEvent[] batch;
            Task changed;
            bool completed;
            lock (_lock)
            {
                batch = _events.Count > next ? _events.GetRange(next, _events.Count - next).ToArray() : [];
                changed = _changed.Task;
                completed = _completed;
            }
            next += batch.Length;
            foreach (var e in batch) yield return e;
            if (completed && batch.Length == 0) yield break;
            if (batch.Length == 0) await changed.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

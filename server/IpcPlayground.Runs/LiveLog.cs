using System.Runtime.CompilerServices;

namespace IpcPlayground.Runs;

/// <summary>
/// An append-only list that ends with an item that completes it (a run's <c>run-end</c>, a measurement's
/// <c>measure-end</c>). Readers replay what is there and then wait for more until it is completed, so a late reader
/// sees the same sequence as an early one.
/// </summary>
/// <param name="completes">Whether an item is the last: nothing is appended after it.</param>
/// <param name="number">Gives an item its place as it is appended (0, 1, 2 …), e.g. a run event its seq; null keeps items as they are.</param>
public sealed class LiveLog<T>(Func<T, bool> completes, Func<T, int, T>? number = null)
{
    private readonly List<T> _items = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = NewSignal();
    private bool _completed;

    public int Count
    {
        get { lock (_lock) return _items.Count; }
    }

    public bool IsCompleted
    {
        get { lock (_lock) return _completed; }
    }

    /// <summary>Appends <paramref name="items"/> (none after the one that completes the log); returns them as appended.</summary>
    public T[] Append(IReadOnlyList<T> items)
    {
        TaskCompletionSource changed;
        var appended = new List<T>(items.Count);
        lock (_lock)
        {
            foreach (var item in items)
            {
                if (_completed) break;
                var placed = Place(item, _items.Count);
                _items.Add(placed);
                appended.Add(placed);
                _completed = completes(placed);
            }
            changed = _changed;
            _changed = NewSignal();
        }
        changed.SetResult();
        return [.. appended];
    }

    /// <summary>The log as it will be once <paramref name="next"/> is appended, without appending them.</summary>
    public T[] SnapshotWith(IReadOnlyList<T> next)
    {
        lock (_lock) return [.. _items, .. next.Select((item, i) => Place(item, _items.Count + i))];
    }

    public T[] Snapshot()
    {
        lock (_lock) return [.. _items];
    }

    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = 0;
        while (true)
        {
            T[] batch;
            Task changed;
            bool completed;
            lock (_lock)
            {
                batch = _items.Count > next ? _items.GetRange(next, _items.Count - next).ToArray() : [];
                changed = _changed.Task;
                completed = _completed;
            }
            next += batch.Length;
            foreach (var item in batch) yield return item;
            if (completed) yield break;
            if (batch.Length == 0) await changed.WaitAsync(cancellationToken);
        }
    }

    private T Place(T item, int index) => number is null ? item : number(item, index);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Services;

/// <summary>A run's events as the page holds them: in seq order, each once, however often they arrived.</summary>
public sealed class RunEventLog
{
    private readonly SortedDictionary<long, RunEvent> _events = [];
    private IReadOnlyList<RunEvent>? _ordered;
    private readonly List<string> _processes = [];

    public IEnumerable<RunEvent> Events => _events.Values;

    /// <summary>The events in seq order as a list; a new list after each batch that added something, the same one otherwise.</summary>
    public IReadOnlyList<RunEvent> Ordered => _ordered ??= [.. _events.Values];
    public int Count => _events.Count;

    /// <summary>The processes the events name, in the order they first appeared: the lanes of a run whose experiment the page does not have.</summary>
    public IReadOnlyList<string> Processes => _processes;

    public string Status { get; private set; } = RunStatuses.Running;
    public string? EndMessage { get; private set; }

    public void Add(IEnumerable<RunEvent> events)
    {
        foreach (var e in events)
        {
            if (!_events.TryAdd(e.Seq, e)) continue;
            _ordered = null;
            if (e.Process is { } process && !_processes.Contains(process)) _processes.Add(process);
            if (e is RunEndEvent end)
            {
                Status = end.Status ?? RunStatuses.Completed;
                EndMessage = end.Message;
            }
        }
    }

    public bool IsFinished => Status != RunStatuses.Running;
}

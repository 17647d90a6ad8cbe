using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Services;

/// <summary>A run's events as the page holds them: in seq order, each once, however often they arrived.</summary>
public sealed class RunTimeline
{
    private readonly SortedDictionary<long, RunEvent> _events = [];

    public IEnumerable<RunEvent> Events => _events.Values;
    public int Count => _events.Count;

    public string Status { get; private set; } = RunStatuses.Running;
    public string? EndMessage { get; private set; }

    public void Add(IEnumerable<RunEvent> events)
    {
        foreach (var e in events)
        {
            _events.TryAdd(e.Seq, e);
            if (e is RunEndEvent end)
            {
                Status = end.Status ?? RunStatuses.Completed;
                EndMessage = end.Message;
            }
        }
    }

    public bool IsFinished => Status != RunStatuses.Running;
}

using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Services.Sharing;

/// <summary>
/// A recorded run played back: all its events, and how many of them are shown (the scrubber's position). The
/// timeline, inspector and event list see only the first <see cref="Position"/> events.
/// </summary>
public sealed class ReplayState
{
    private readonly IReadOnlyList<RunEvent> _all;

    public ReplayState(IEnumerable<RunEvent> events)
    {
        var all = new RunEventLog();
        all.Add(events);
        _all = all.Ordered;
        Processes = all.Processes;
        Position = _all.Count;
        Shown = Build(Position);
    }

    public int Count => _all.Count;

    /// <summary>Every process the recording names, so the lanes stay put while the scrubber moves.</summary>
    public IReadOnlyList<string> Processes { get; }

    /// <summary>The least a scrubber shows: the first event (run-start), or nothing for an empty run.</summary>
    public int Min => Math.Min(1, _all.Count);

    /// <summary>How many events are shown, from <see cref="Min"/> to <see cref="Count"/>.</summary>
    public int Position { get; private set; }

    /// <summary>The first <see cref="Position"/> events, as the live page would have held them then.</summary>
    public RunEventLog Shown { get; private set; }

    public bool AtEnd => Position >= Count;

    public bool Playing { get; private set; }

    public void MoveTo(int position)
    {
        position = Math.Clamp(position, Min, Count);
        if (position == Position) return;
        Position = position;
        Shown = Build(position);
    }

    /// <summary>Starts playing; from the start again when the end is already shown.</summary>
    public void Play()
    {
        if (AtEnd) MoveTo(Min);
        Playing = Count > 0;
    }

    public void Pause() => Playing = false;

    /// <summary>One tick of playback: one more event; playing stops at the end. False when nothing moved.</summary>
    public bool Advance()
    {
        if (!Playing) return false;
        MoveTo(Position + 1);
        if (AtEnd) Playing = false;
        return true;
    }

    private RunEventLog Build(int position)
    {
        var timeline = new RunEventLog();
        timeline.Add(_all.Take(position));
        return timeline;
    }
}

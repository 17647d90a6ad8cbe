using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Frames from different workers reach the supervisor in whatever order their sockets are read. Holding each frame
/// for a short window and releasing in time order puts a write before the read it woke, and a child's exit before
/// the parent's wait returned, as they happened. A frame that arrives later than the window (a worker descheduled
/// on a busy machine) is released at the time of the last frame already out, so times never run backwards.
/// </summary>
internal sealed class ReorderBuffer(long windowNs)
{
    private readonly List<Frame> _frames = [];
    private long _released = long.MinValue;

    public int Count => _frames.Count;

    public void Add<TFrame>(TFrame frame) where TFrame : Frame, IRunFrame
    {
        var i = _frames.Count;
        while (i > 0 && _frames[i - 1].T > frame.T) i--;
        _frames.Insert(i, frame);
    }

    /// <summary>Frames old enough that no earlier one can still arrive; all frames when <paramref name="all"/>.</summary>
    public IEnumerable<IRunFrame> Release(long now, bool all = false)
    {
        var cut = 0;
        while (cut < _frames.Count && (all || _frames[cut].T <= now - windowNs)) cut++;
        var released = _frames.GetRange(0, cut);
        _frames.RemoveRange(0, cut);
        for (var i = 0; i < released.Count; i++)
        {
            if (released[i].T < _released) released[i] = released[i] with { T = _released };
            _released = released[i].T;
        }
        return released.Cast<IRunFrame>();
    }

    /// <summary>When the oldest held frame falls due, or null when nothing is held.</summary>
    public long? NextDue => _frames.Count == 0 ? null : _frames[0].T + windowNs;
}

namespace IpcPlayground.Client.Services.Workshops;

/// <summary>
/// Redraws a page that changes many times a second at most once per interval: a change after a quiet spell is drawn at
/// once, changes that follow it within the interval are folded into one redraw at its end. Used on the renderer's
/// dispatcher (one thread), as Blazor's <c>InvokeAsync</c> runs it.
/// </summary>
public sealed class RedrawThrottle(TimeSpan interval, TimeProvider time)
{
    private long? _lastRedraw;
    private bool _pending;

    /// <summary>Something changed: <paramref name="redraw"/> now, or once at the end of the interval if one is already due.</summary>
    public async Task ChangedAsync(Action redraw)
    {
        if (_pending) return;
        var wait = _lastRedraw is { } last ? interval - time.GetElapsedTime(last) : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
        {
            _pending = true;
            try { await Task.Delay(wait, time); }
            finally { _pending = false; }
        }
        _lastRedraw = time.GetTimestamp();
        redraw();
    }
}

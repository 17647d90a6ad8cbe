using IpcPlayground.Client.Services.Workshops;
using Microsoft.Extensions.Time.Testing;

namespace IpcPlayground.ClientTests;

/// <summary>The instructor board's redraws: at once after a quiet spell, a burst folded into one at the interval's end.</summary>
public sealed class RedrawThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);
    private readonly FakeTimeProvider _time = new();
    private int _redraws;

    private void Redraw() => _redraws++;

    [Fact]
    public async Task A_change_after_a_quiet_spell_is_drawn_at_once()
    {
        var throttle = new RedrawThrottle(Interval, _time);

        await throttle.ChangedAsync(Redraw);
        Assert.Equal(1, _redraws);

        _time.Advance(TimeSpan.FromMilliseconds(200));
        await throttle.ChangedAsync(Redraw);
        Assert.Equal(2, _redraws);
    }

    [Fact]
    public async Task Changes_within_the_interval_are_folded_into_one_redraw_at_its_end()
    {
        var throttle = new RedrawThrottle(Interval, _time);
        await throttle.ChangedAsync(Redraw);

        _time.Advance(TimeSpan.FromMilliseconds(50));
        var due = throttle.ChangedAsync(Redraw);
        var folded = throttle.ChangedAsync(Redraw);
        Assert.True(folded.IsCompleted);
        Assert.Equal(1, _redraws);

        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(due.IsCompleted);
        Assert.Equal(1, _redraws);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await due;
        Assert.Equal(2, _redraws);

        // The next change comes within the interval of that redraw, so it waits for the end of it too.
        var next = throttle.ChangedAsync(Redraw);
        Assert.Equal(2, _redraws);
        _time.Advance(Interval);
        await next;
        Assert.Equal(3, _redraws);
    }
}

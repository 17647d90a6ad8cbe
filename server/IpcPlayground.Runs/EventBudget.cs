namespace IpcPlayground.Runs;

/// <summary>What one run may send the server: events in all, events in any one second, and bytes.</summary>
public sealed class EventBudget(RunsOptions options, TimeProvider time)
{
    private long _events;
    private long _windowStart = time.GetTimestamp();
    private long _inWindow;

    /// <summary>Counts one line from the supervisor, the run's events now <paramref name="totalBytes"/> in all; returns the limit it broke, or null.</summary>
    public (string Limit, string Message)? Spend(long totalBytes)
    {
        _events++;
        if (time.GetElapsedTime(_windowStart) >= TimeSpan.FromSeconds(1))
        {
            _windowStart = time.GetTimestamp();
            _inWindow = 0;
        }
        _inWindow++;
        if (_events > options.MaxEventsPerRun)
            return ("events", $"the run produced more than {options.MaxEventsPerRun} events");
        if (_inWindow > options.MaxEventsPerSecond)
            return ("events-per-second", $"the run produced more than {options.MaxEventsPerSecond} events in one second");
        if (totalBytes > options.MaxEventBytesPerRun)
            return ("output-bytes", $"the run's events passed {options.MaxEventBytesPerRun} bytes");
        return null;
    }
}

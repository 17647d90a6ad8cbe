using System.Collections.Concurrent;

namespace IpcPlayground.Benchmarks.WorkshopLoad;

/// <summary>What the simulated room saw during one step: runs by outcome, and every live event's latency.</summary>
public sealed class LoadStats
{
    private readonly List<double> _latencies = [];
    private readonly List<double> _spotlightLatencies = [];
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new();
    private int _completed, _refused, _failed, _events, _boardUpdates, _spotlightFollows;

    public int Completed => _completed;
    public int Refused => _refused;
    public int Failed => _failed;
    public int Events => _events;
    public int BoardUpdates => _boardUpdates;
    /// <summary>How many times a participant followed the spotlight to a new run.</summary>
    public int SpotlightFollows => _spotlightFollows;

    public void RunCompleted() => Interlocked.Increment(ref _completed);
    /// <summary>How runs failed, and how often each way.</summary>
    public IReadOnlyDictionary<string, int> Failures => _failures;

    /// <summary>Which limit refused runs (429), and how often each.</summary>
    public IReadOnlyDictionary<string, int> Refusals => _refusals;

    public void RunRefused(string limit)
    {
        Interlocked.Increment(ref _refused);
        _refusals.AddOrUpdate(limit, 1, (_, n) => n + 1);
    }

    public void RunFailed(string how)
    {
        Interlocked.Increment(ref _failed);
        _failures.AddOrUpdate(how, 1, (_, n) => n + 1);
    }
    public void BoardUpdated() => Interlocked.Increment(ref _boardUpdates);

    /// <summary>An event received; with its latency when it came live (not in a join's snapshot).</summary>
    public void EventReceived(double? latencyMs)
    {
        Interlocked.Increment(ref _events);
        if (latencyMs is not { } ms) return;
        lock (_latencies) _latencies.Add(ms);
    }

    /// <summary>A live event of the spotlighted run, received by a participant watching it.</summary>
    public void SpotlightEventReceived(double latencyMs)
    {
        lock (_spotlightLatencies) _spotlightLatencies.Add(latencyMs);
    }

    public void SpotlightFollowed() => Interlocked.Increment(ref _spotlightFollows);

    /// <summary>The latency at quantile <paramref name="q"/> (0..1) of the live events of participants' own runs; NaN when there were none.</summary>
    public double Quantile(double q) => QuantileOf(_latencies, q);

    /// <summary>The same for the spotlighted run's live events, over every participant watching it.</summary>
    public double SpotlightQuantile(double q) => QuantileOf(_spotlightLatencies, q);

    public int SpotlightEvents
    {
        get { lock (_spotlightLatencies) return _spotlightLatencies.Count; }
    }

    private static double QuantileOf(List<double> latencies, double q)
    {
        lock (latencies)
        {
            latencies.Sort();
            return IpcPlayground.Benchmarks.Quantile.Of(latencies, q);
        }
    }
}

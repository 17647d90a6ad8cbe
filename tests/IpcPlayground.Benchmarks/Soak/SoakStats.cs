using System.Collections.Concurrent;

namespace IpcPlayground.Benchmarks.Soak;

/// <summary>What the simulated clients saw: latencies per action and answers that were not a success, per interval.</summary>
internal sealed class SoakStats
{
    private ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
    private ConcurrentDictionary<string, int> _refusals = new();
    private readonly ConcurrentDictionary<string, int> _allRefusals = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _allLatencies = new();
    private int _done;
    private int _errors;

    /// <summary>One action done, from its first request to its last answer.</summary>
    public void Done(string action, TimeSpan took)
    {
        _latencies.GetOrAdd(action, _ => []).Add(took.TotalMilliseconds);
        _allLatencies.GetOrAdd(action, _ => []).Add(took.TotalMilliseconds);
        Interlocked.Increment(ref _done);
    }

    /// <summary>A 429 (or another refusal) of an action, by the quota its problem named.</summary>
    public void Refused(string action, string quota)
    {
        var key = $"{action}:{quota}";
        _refusals.AddOrUpdate(key, 1, (_, n) => n + 1);
        _allRefusals.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    public void Failed() => Interlocked.Increment(ref _errors);

    public int Errors => _errors;
    public int DoneCount => _done;

    /// <summary>This interval's p99 per action and refusals, and starts the next interval.</summary>
    public (IReadOnlyDictionary<string, (int Count, double P99)> Latency, IReadOnlyDictionary<string, int> Refusals) TakeInterval()
    {
        var latencies = Interlocked.Exchange(ref _latencies, new());
        var refusals = Interlocked.Exchange(ref _refusals, new());
        return (Summarize(latencies), refusals);
    }

    public IReadOnlyDictionary<string, (int Count, double P99)> AllLatency => Summarize(_allLatencies);
    public IReadOnlyDictionary<string, int> AllRefusals => _allRefusals;

    private static Dictionary<string, (int Count, double P99)> Summarize(ConcurrentDictionary<string, ConcurrentBag<double>> latencies) =>
        latencies.ToDictionary(p => p.Key, p =>
        {
            var sorted = p.Value.Order().ToList();
            return (sorted.Count, Quantile.Of(sorted, 0.99));
        });
}

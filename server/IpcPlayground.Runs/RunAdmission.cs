using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Runs;

/// <summary>
/// How many runs may execute at once: on the whole server, per client, in workshops (a pool that leaves the
/// playground its share) and in step mode (a held run keeps its slot while a person thinks). A workshop room's
/// predicted runs have a pool of their own instead of the shared ones (<see cref="RunsOptions.MaxRoomPredictionRuns"/>).
/// A run holds its leases from the moment it is accepted until its sandbox is gone, so the limits count sandboxes, not requests.
/// </summary>
public sealed class RunAdmission : IDisposable
{
    private readonly RunsOptions _options;
    private readonly RunMetrics _metrics;
    private readonly ConcurrencyLimiter _server;
    private readonly ConcurrencyLimiter _workshops;
    private readonly ConcurrencyLimiter _stepRuns;
    private readonly ConcurrencyLimiter _roomPredictions;
    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly PartitionedRateLimiter<string> _stepRunsPerClient;

    public RunAdmission(IOptions<RunsOptions> options, RunMetrics metrics)
    {
        _options = options.Value;
        _metrics = metrics;
        _server = Concurrency(_options.MaxConcurrentRuns);
        _workshops = Concurrency(_options.MaxConcurrentWorkshopRuns);
        _stepRuns = Concurrency(_options.MaxStepModeRuns);
        _roomPredictions = Concurrency(_options.MaxRoomPredictionRuns);
        _perClient = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetConcurrencyLimiter(client, _ => new() { PermitLimit = _options.MaxConcurrentRunsPerClient, QueueLimit = 0 }));
        _stepRunsPerClient = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetConcurrencyLimiter(client, _ => new() { PermitLimit = _options.MaxStepModeRunsPerClient, QueueLimit = 0 }));
    }

    private static ConcurrencyLimiter Concurrency(int permits) => new(new() { PermitLimit = permits, QueueLimit = 0 });

    /// <summary>Every lease the run needs, or null with the reason of the first limit that is full.</summary>
    /// <param name="workshop">A workshop participant's run: it also takes a slot of the workshops' pool.</param>
    /// <param name="stepMode">A run held between steps: it also takes a step-mode slot, the client's and the server's.</param>
    /// <param name="roomPrediction">
    /// A participant's run of their room's prediction: the client's slots, then a slot of the rooms' pool instead of the
    /// step-mode, workshop and server slots.
    /// </param>
    public (IDisposable? Lease, string? Refusal) TryAdmit(string client, bool workshop = false, bool stepMode = false, bool roomPrediction = false)
    {
        var held = new List<RateLimitLease>(5);
        string? Refuse(RateLimitLease lease, string reason, string message)
        {
            lease.Dispose();
            foreach (var taken in held) taken.Dispose();
            _metrics.Refused(reason);
            return message;
        }
        bool Take(RateLimitLease lease)
        {
            if (lease.IsAcquired) held.Add(lease);
            return lease.IsAcquired;
        }

        RateLimitLease next;
        if (!Take(next = _perClient.AttemptAcquire(client)))
            return (null, Refuse(next, RunMetrics.Refusals.ClientLimit, $"you already have {_options.MaxConcurrentRunsPerClient} runs going; wait for one to finish"));
        if (stepMode && !Take(next = _stepRunsPerClient.AttemptAcquire(client)))
            return (null, Refuse(next, RunMetrics.Refusals.ClientStepLimit,
                $"you already have {_options.MaxStepModeRunsPerClient} runs in step mode; finish or stop one first"));
        if (roomPrediction)
        {
            if (!Take(next = _roomPredictions.AttemptAcquire()))
                return (null, Refuse(next, RunMetrics.Refusals.RoomPredictionLimit,
                    $"the server holds its limit of {_options.MaxRoomPredictionRuns} predicted runs of workshop rooms; try again shortly"));
            return (new Leases(held), null);
        }
        if (stepMode && !Take(next = _stepRuns.AttemptAcquire()))
            return (null, Refuse(next, RunMetrics.Refusals.StepLimit,
                $"the server holds its limit of {_options.MaxStepModeRuns} runs in step mode; run freely, or try again shortly"));
        if (workshop && !Take(next = _workshops.AttemptAcquire()))
            return (null, Refuse(next, RunMetrics.Refusals.WorkshopPool,
                $"workshops are running their share of {_options.MaxConcurrentWorkshopRuns} experiments; try again shortly"));
        if (!Take(next = _server.AttemptAcquire()))
            return (null, Refuse(next, RunMetrics.Refusals.ServerLimit, $"the server is running its limit of {_options.MaxConcurrentRuns} experiments; try again shortly"));
        return (new Leases(held), null);
    }

    public void Dispose()
    {
        _server.Dispose();
        _workshops.Dispose();
        _stepRuns.Dispose();
        _roomPredictions.Dispose();
        _perClient.Dispose();
        _stepRunsPerClient.Dispose();
    }

    private sealed class Leases(List<RateLimitLease> leases) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            foreach (var lease in leases) lease.Dispose();
        }
    }
}

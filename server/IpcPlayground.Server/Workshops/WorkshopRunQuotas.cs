using IpcPlayground.Runs;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// The run quotas of workshops on this instance: runs a participant may start per minute, runs a participant may
/// have going at once, runs a whole workshop may have going at once. A granted lease is held until the run ends.
/// </summary>
public sealed class WorkshopRunQuotas : IDisposable
{
    private readonly WorkshopOptions _options;
    private readonly PartitionedRateLimiter<string> _participantConcurrency;
    private readonly PartitionedRateLimiter<string> _workshopConcurrency;
    private readonly PartitionedRateLimiter<string> _participantRate;

    private readonly RunMetrics _metrics;

    public WorkshopRunQuotas(IOptions<WorkshopOptions> options, RunMetrics metrics)
    {
        _metrics = metrics;
        _options = options.Value;
        _participantConcurrency = PartitionedRateLimiter.Create<string, string>(id => RateLimitPartition.GetConcurrencyLimiter(id,
            _ => new ConcurrencyLimiterOptions { PermitLimit = _options.ConcurrentRunsPerParticipant, QueueLimit = 0 }));
        _workshopConcurrency = PartitionedRateLimiter.Create<string, string>(id => RateLimitPartition.GetConcurrencyLimiter(id,
            _ => new ConcurrencyLimiterOptions { PermitLimit = _options.ConcurrentRunsPerWorkshop, QueueLimit = 0 }));
        _participantRate = PartitionedRateLimiter.Create<string, string>(id => RateLimitPartition.GetSlidingWindowLimiter(id,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = _options.RunsPerParticipantPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
            }));
    }

    public sealed record Refusal(string Detail, TimeSpan RetryAfter);

    /// <summary>A lease to hold for the run's life, or the quota that refused it.</summary>
    public (IDisposable? Lease, Refusal? Refused) TryAcquire(string workshopId, string participantId)
    {
        var own = _participantConcurrency.AttemptAcquire(participantId);
        if (!own.IsAcquired)
            return Refuse(own, $"a participant may have {_options.ConcurrentRunsPerParticipant} run(s) going at once; wait for the current one to end", TimeSpan.FromSeconds(1));
        var room = _workshopConcurrency.AttemptAcquire(workshopId);
        if (!room.IsAcquired)
        {
            own.Dispose();
            return Refuse(room, $"this workshop already has {_options.ConcurrentRunsPerWorkshop} runs going; try again in a moment", TimeSpan.FromSeconds(2));
        }
        var rate = _participantRate.AttemptAcquire(participantId);
        if (!rate.IsAcquired)
        {
            own.Dispose();
            room.Dispose();
            var retry = rate.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(10);
            return Refuse(rate, $"a participant may start {_options.RunsPerParticipantPerMinute} runs a minute", retry);
        }
        rate.Dispose();
        return (new Leases(own, room), null);
    }

    private (IDisposable?, Refusal?) Refuse(RateLimitLease lease, string detail, TimeSpan retryAfter)
    {
        lease.Dispose();
        _metrics.Refused(RunMetrics.Refusals.WorkshopQuota);
        return (null, new Refusal(detail, retryAfter));
    }

    public void Dispose()
    {
        _participantConcurrency.Dispose();
        _workshopConcurrency.Dispose();
        _participantRate.Dispose();
    }

    private sealed class Leases(RateLimitLease own, RateLimitLease room) : IDisposable
    {
        public void Dispose()
        {
            own.Dispose();
            room.Dispose();
        }
    }
}

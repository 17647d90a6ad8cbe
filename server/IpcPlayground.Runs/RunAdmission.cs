using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Runs;

/// <summary>
/// How many runs may execute at once: on the whole server, and per client. A run holds its two leases from the
/// moment it is accepted until its sandbox is gone, so the limits count sandboxes, not requests.
/// </summary>
public sealed class RunAdmission : IDisposable
{
    private readonly ConcurrencyLimiter _server;
    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly RunsOptions _options;

    private readonly RunMetrics _metrics;

    public RunAdmission(IOptions<RunsOptions> options, RunMetrics metrics)
    {
        _metrics = metrics;
        _options = options.Value;
        _server = new ConcurrencyLimiter(new() { PermitLimit = _options.MaxConcurrentRuns, QueueLimit = 0 });
        _perClient = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetConcurrencyLimiter(client, _ => new() { PermitLimit = _options.MaxConcurrentRunsPerClient, QueueLimit = 0 }));
    }

    /// <summary>Both leases, or null with the reason when either limit is full.</summary>
    public (IDisposable? Lease, string? Refusal) TryAdmit(string client)
    {
        var mine = _perClient.AttemptAcquire(client);
        if (!mine.IsAcquired)
        {
            mine.Dispose();
            _metrics.Refused(RunMetrics.Refusals.ClientLimit);
            return (null, $"you already have {_options.MaxConcurrentRunsPerClient} runs going; wait for one to finish");
        }
        var server = _server.AttemptAcquire();
        if (!server.IsAcquired)
        {
            server.Dispose();
            mine.Dispose();
            _metrics.Refused(RunMetrics.Refusals.ServerLimit);
            return (null, $"the server is running its limit of {_options.MaxConcurrentRuns} experiments; try again shortly");
        }
        return (new Leases(mine, server), null);
    }

    public void Dispose()
    {
        _server.Dispose();
        _perClient.Dispose();
    }

    private sealed class Leases(RateLimitLease first, RateLimitLease second) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            first.Dispose();
            second.Dispose();
        }
    }
}

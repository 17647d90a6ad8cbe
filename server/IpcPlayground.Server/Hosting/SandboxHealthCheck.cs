using IpcPlayground.Sandbox;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Hosting;

/// <summary>Healthy when bubblewrap and the worker binary are where the options say.</summary>
public sealed class SandboxHealthCheck(IOptions<SandboxOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (!File.Exists(o.BubblewrapPath))
            return Task.FromResult(HealthCheckResult.Unhealthy($"bubblewrap missing at {o.BubblewrapPath}"));
        if (!File.Exists(o.ResolvedWorkerPath))
            return Task.FromResult(HealthCheckResult.Unhealthy($"worker missing at {o.ResolvedWorkerPath}"));
        return Task.FromResult(HealthCheckResult.Healthy());
    }
}

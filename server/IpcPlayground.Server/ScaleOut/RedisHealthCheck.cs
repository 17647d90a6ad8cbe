using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>Healthy while Redis answers a PING: without it, pages on other instances stop seeing this one's runs.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"redis answered in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("redis does not answer", e);
        }
    }
}

using System.Threading.RateLimiting;
using IpcPlayground.Server.Access;
using IpcPlayground.Server.Apis;
using Microsoft.AspNetCore.RateLimiting;

namespace IpcPlayground.Server.Hosting;

/// <summary>
/// Per-client request quotas (by <see cref="ClientAddress"/>): shares, so one address cannot fill the store in a
/// burst. A refused request gets 429 with <c>Retry-After</c> and a problem naming the quota.
/// </summary>
public static class RequestQuotas
{
    public const string Shares = "shares";

    /// <summary>Experiments one client may share within <see cref="ShareWindow"/>.</summary>
    public const int SharesPerWindow = 30;
    public static readonly TimeSpan ShareWindow = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddRequestQuotas(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Shares, context => RateLimitPartition.GetSlidingWindowLimiter(ClientAddress.Of(context),
                _ => new SlidingWindowRateLimiterOptions { PermitLimit = SharesPerWindow, Window = ShareWindow, SegmentsPerWindow = 10, QueueLimit = 0 }));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var policy = rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                await Problems.TooMany(rejected.HttpContext, "Too many requests",
                    policy == Shares
                        ? $"an address may share {SharesPerWindow} experiments every {ShareWindow.TotalMinutes:0} minutes"
                        : "too many requests of this kind from this address; try again later", retryAfter).ExecuteAsync(rejected.HttpContext);
            };
        });
}

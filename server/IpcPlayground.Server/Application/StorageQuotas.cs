using IpcPlayground.Runs;
using IpcPlayground.Server.Access;
using IpcPlayground.Server.Apis;
using IpcPlayground.Storage;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Application;

/// <summary>
/// What one client (an address) may add to the store within a day: bytes of recorded events and bytes of shared
/// experiments. Counted from the store itself, so the quotas hold across restarts and across every instance of a
/// scaled-out playground. Past one, 429 with Retry-After until the oldest of that day's bytes falls out of the window.
/// </summary>
public sealed class StorageQuotas(PlaygroundStore store, IOptions<StorageOptions> options, RunMetrics metrics, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>Null when the client (<paramref name="key"/>, see <see cref="ClientAddress"/>) may start a run or a measurement that will be recorded; otherwise the 429.</summary>
    public async Task<IResult?> RecordingRefusalAsync(HttpContext context, string key)
    {
        var quota = options.Value.RecordedBytesPerClientPerDay;
        if (quota == 0) return null;
        var (since, usage) = await UsageAsync(context, key, store.RecordedSinceAsync);
        if (usage.Bytes < quota) return null;
        metrics.Refused(RunMetrics.Refusals.RecordedBytes);
        return Problems.TooMany(context, "Recording quota reached",
            $"the runs and measurements of this client recorded {Mib(usage.Bytes)} of events within a day; the quota (Storage:RecordedBytesPerClientPerDay) is {Mib(quota)}",
            RetryAfter(since, usage));
    }

    /// <summary>Null when the client may share <paramref name="bytes"/> more; otherwise the 429.</summary>
    public async Task<IResult?> SharingRefusalAsync(HttpContext context, int bytes)
    {
        var quota = options.Value.SharedBytesPerClientPerDay;
        if (quota == 0) return null;
        var (since, usage) = await UsageAsync(context, ClientAddress.KeyOf(context), store.SharedSinceAsync);
        if (usage.Bytes + bytes <= quota) return null;
        return Problems.TooMany(context, "Sharing quota reached",
            $"this address shared {Mib(usage.Bytes)} of experiments within a day; the quota (Storage:SharedBytesPerClientPerDay) is {Mib(quota)}",
            RetryAfter(since, usage));
    }

    private async Task<(long SinceMs, ClientUsage Usage)> UsageAsync(HttpContext context, string key, Func<string, long, CancellationToken, Task<ClientUsage>> query)
    {
        var since = (time.GetUtcNow() - Window).ToUnixTimeMilliseconds();
        return (since, await query(key, since, context.RequestAborted));
    }

    /// <summary>When the oldest bytes counted leave the window.</summary>
    private static TimeSpan RetryAfter(long sinceMs, ClientUsage usage) =>
        TimeSpan.FromMilliseconds(Math.Max(1000, (usage.OldestAtMs ?? sinceMs) - sinceMs));

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MiB";
}

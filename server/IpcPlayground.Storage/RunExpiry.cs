using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IpcPlayground.Storage;

/// <summary>
/// Deletes recorded runs past their expiry, at start and then hourly (shared experiments never expire), and forgets
/// which client stored what once the daily quotas no longer look at it.
/// </summary>
internal sealed partial class RunExpiry(PlaygroundStore store, TimeProvider time, ILogger<RunExpiry> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var deleted = await store.DeleteExpiredRunsAsync(stoppingToken);
                if (deleted > 0) StorageLog.ExpiredRunsDeleted(logger, deleted);
                // The daily quotas look back one day; who stored what is forgotten after two.
                await store.ForgetClientsAsync(time.GetUtcNow().AddDays(-2).ToUnixTimeMilliseconds(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                StorageLog.ExpiryFailed(logger, e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IpcPlayground.Storage;

/// <summary>Deletes recorded runs past their expiry, at start and then hourly. Shared experiments never expire.</summary>
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
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                StorageLog.ExpiryFailed(logger, e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

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
                if (deleted > 0) Deleted(logger, deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired recorded runs")]
    private static partial void Deleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete expired runs")]
    private static partial void Failed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace IpcPlayground.Storage;

/// <summary>What storage has to say: migrations done, expired runs deleted or not.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(301, LogLevel.Information, "Deleted {Count} expired recorded runs and measurements")]
    public static partial void ExpiredRunsDeleted(ILogger logger, int count);

    [LoggerMessage(302, LogLevel.Warning, "Could not delete expired runs")]
    public static partial void ExpiryFailed(ILogger logger, Exception exception);

    [LoggerMessage(303, LogLevel.Information, "Storage ready: {Provider} at {Source}")]
    public static partial void Migrated(ILogger logger, string provider, string source);
}

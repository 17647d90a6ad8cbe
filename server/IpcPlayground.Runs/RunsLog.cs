using Microsoft.Extensions.Logging;

namespace IpcPlayground.Runs;

internal static partial class RunsLog
{
    [LoggerMessage(1, LogLevel.Debug, "Run {RunId}: sandbox started as host pid {Pid}")]
    public static partial void SandboxStarted(ILogger logger, string runId, int pid);

    [LoggerMessage(2, LogLevel.Information, "Run {RunId} ended after {EventCount} events read from {EventBytes} bytes of frames")]
    public static partial void RunEnded(ILogger logger, string runId, int eventCount, long eventBytes);

    [LoggerMessage(3, LogLevel.Error, "Run {RunId} failed inside the server")]
    public static partial void RunCrashed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Run {RunId}: publishing events failed")]
    public static partial void PublishFailed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(5, LogLevel.Error, "Run {RunId}: recording the finished run failed; it cannot be replayed once it leaves memory")]
    public static partial void RecordFailed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "Background work failed: {What}")]
    public static partial void BackgroundWorkFailed(ILogger logger, string what, Exception exception);
}

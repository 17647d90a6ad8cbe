using Microsoft.Extensions.Logging;

namespace IpcPlayground.Runs.Measurements;

internal static partial class MeasurementsLog
{
    [LoggerMessage(601, LogLevel.Debug, "Measurement {MeasurementId}: sandbox started as host pid {Pid}, {Cells} cells of {CellBudgetMs} ms")]
    public static partial void SandboxStarted(ILogger logger, string measurementId, int pid, int cells, int cellBudgetMs);

    [LoggerMessage(602, LogLevel.Information, "Measurement {MeasurementId} ended {Status} with {Cells} of {Planned} cells")]
    public static partial void Ended(ILogger logger, string measurementId, string status, int cells, int planned);

    [LoggerMessage(603, LogLevel.Error, "Measurement {MeasurementId} failed inside the server")]
    public static partial void Crashed(ILogger logger, string measurementId, Exception exception);

    [LoggerMessage(604, LogLevel.Error, "Measurement {MeasurementId}: recording it failed; it cannot be replayed once it leaves memory")]
    public static partial void RecordFailed(ILogger logger, string measurementId, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace IpcPlayground.Server.Workshops;

/// <summary>What workshops have to say: runs the board could not follow, spotlight viewers not let out.</summary>
internal static partial class WorkshopsLog
{
    [LoggerMessage(201, LogLevel.Error, "Revoking spotlight viewers of workshop {WorkshopId} failed")]
    public static partial void SpotlightRevokeFailed(ILogger logger, string workshopId, Exception exception);

    [LoggerMessage(202, LogLevel.Error, "Following workshop run {RunId} for the board failed")]
    public static partial void TrackingFailed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(203, LogLevel.Error, "Taking a spotlight viewer out of run {RunId} failed; the next move tries again")]
    public static partial void ViewerRevokeFailed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(204, LogLevel.Information, "The instructor of workshop {WorkshopId} removed participant {ParticipantId}")]
    public static partial void ParticipantRemoved(ILogger logger, string workshopId, string participantId);
}

using Microsoft.Extensions.Logging;

namespace IpcPlayground.Server.Workshops;

/// <summary>What workshops have to say: runs the board could not follow, spotlight viewers not let out, room predictions not recorded.</summary>
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

    [LoggerMessage(205, LogLevel.Error, "Recording the {Kind} of workshop run {RunId} for the room's prediction failed")]
    public static partial void PredictionRecordFailed(ILogger logger, string kind, string runId, Exception exception);

    [LoggerMessage(206, LogLevel.Error, "Sending the tally of question {QuestionKey} of prediction {PredictionId} failed; the next answer sends it again")]
    public static partial void TallyFailed(ILogger logger, string predictionId, string questionKey, Exception exception);

    [LoggerMessage(207, LogLevel.Error, "Applying the room's {What} to the predicted runs of workshop {WorkshopId} here failed")]
    public static partial void RoomPredictionSignalFailed(ILogger logger, string what, string workshopId, Exception exception);

    [LoggerMessage(208, LogLevel.Information, "Workshop {WorkshopId} started prediction {PredictionId} of experiment {ExperimentId}")]
    public static partial void PredictionStarted(ILogger logger, string workshopId, string predictionId, string experimentId);
}

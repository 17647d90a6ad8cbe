using Microsoft.Extensions.Logging;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>What the Redis backplane and the run mirror have to say: copies to the other instances that failed.</summary>
internal static partial class ScaleOutLog
{
    [LoggerMessage(101, LogLevel.Warning, "Announcing run {RunId} to the other instances failed")]
    public static partial void RunAnnounceFailed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(102, LogLevel.Warning, "Telling the other instances that the spotlight of workshop {WorkshopId} moved failed")]
    public static partial void SpotlightAnnounceFailed(ILogger logger, string workshopId, Exception exception);

    [LoggerMessage(103, LogLevel.Warning, "Subscribing to {Channel} failed; trying again in {Seconds} s")]
    public static partial void SubscribeFailed(ILogger logger, string channel, double seconds, Exception exception);

    [LoggerMessage(104, LogLevel.Warning, "Copying events of run {RunId} to the mirror failed; pages on other instances may miss them")]
    public static partial void MirrorFailed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(105, LogLevel.Warning, "Telling the other instances that participant {ParticipantId} was removed failed")]
    public static partial void RemovalAnnounceFailed(ILogger logger, string participantId, Exception exception);

    [LoggerMessage(106, LogLevel.Warning, "Telling the other instances the room's {What} of workshop {WorkshopId} failed; only this instance applies it")]
    public static partial void RoomPredictionAnnounceFailed(ILogger logger, string what, string workshopId, Exception exception);
}

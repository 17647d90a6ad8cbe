using IpcPlayground.Server.Workshops;
using StackExchange.Redis;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>
/// What the instructor did to the room's prediction, over Redis pub/sub: every instance, the announcing one too,
/// hears it and applies it to the predicted runs it executes. An instance applies it a moment after the instructor's
/// request is answered, so an answer given meanwhile on another instance may still see the room as it was. If Redis
/// is down, this instance applies it to its own runs and the others keep theirs as they were.
/// </summary>
public sealed class RedisRoomPredictionSignals(IConnectionMultiplexer redis, RoomPredictionRuns runs, ILogger<RedisRoomPredictionSignals> logger)
    : RedisAnnouncements(redis, RedisChannel.Literal("ipcplay:room-prediction"), logger), IRoomPredictionSignals
{
    private const string Started = "started";
    private const string Hold = "hold";
    private const string Release = "release";

    public Task StartedAsync(string workshopId, string predictionId) => AnnounceAsync(Started, workshopId, predictionId);

    public Task HoldChangedAsync(string workshopId) => AnnounceAsync(Hold, workshopId, "");

    public Task ReleaseAsync(string workshopId, string predictionId) => AnnounceAsync(Release, workshopId, predictionId);

    private Task AnnounceAsync(string what, string workshopId, string predictionId) => PublishAsync($"{what} {workshopId} {predictionId}", e =>
    {
        ScaleOutLog.RoomPredictionAnnounceFailed(logger, what, workshopId, e);
        return ApplyAsync(what, workshopId, predictionId);
    });

    /// <param name="message">What happened, the workshop, and the prediction (empty for a hold).</param>
    protected override async Task HearAsync(string message)
    {
        if (message.Split(' ') is not [var what, var workshopId, var predictionId]) return;
        try { await ApplyAsync(what, workshopId, predictionId); }
        catch (Exception e) { WorkshopsLog.RoomPredictionSignalFailed(logger, what, workshopId, e); }
    }

    private Task ApplyAsync(string what, string workshopId, string predictionId)
    {
        switch (what)
        {
            case Started:
                runs.StopReplaced(workshopId, predictionId);
                return Task.CompletedTask;
            case Hold:
                return runs.ApplyHoldAsync(workshopId);
            case Release:
                return runs.ReleaseAsync(workshopId, predictionId);
            default:
                return Task.CompletedTask;
        }
    }
}

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// Tells every instance what the instructor did to the room's prediction, so each applies it to the predicted runs
/// it executes (<see cref="RoomPredictionRuns"/>).
/// </summary>
public interface IRoomPredictionSignals
{
    /// <summary>A new prediction replaced the room's last: runs of the others stop.</summary>
    Task StartedAsync(string workshopId, string predictionId);

    /// <summary>The room was held or let go: the stored state applies.</summary>
    Task HoldChangedAsync(string workshopId);

    /// <summary>The answered steps go; the room stays held.</summary>
    Task ReleaseAsync(string workshopId, string predictionId);
}

/// <summary>One instance: its own runs are all there are, and each change is applied before the request is answered.</summary>
public sealed class LocalRoomPredictionSignals(RoomPredictionRuns runs) : IRoomPredictionSignals
{
    public Task StartedAsync(string workshopId, string predictionId)
    {
        runs.StopReplaced(workshopId, predictionId);
        return Task.CompletedTask;
    }

    public Task HoldChangedAsync(string workshopId) => runs.ApplyHoldAsync(workshopId);

    public Task ReleaseAsync(string workshopId, string predictionId) => runs.ReleaseAsync(workshopId, predictionId);
}

using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Runs;
using IpcPlayground.Storage.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// Sends a question's tally to the room's instructors after its answers change, counted from the store. Changes that
/// come while a tally is being counted and sent are taken by one more pass, not one each, so a room answering at once
/// costs a few counts instead of one per answer. After each send the question is counted again, and sent again while
/// the count has moved on: instances count and send independently, and whatever reaches the board last was counted
/// after every change before it. A tally does not say which prediction it counts, so only the room's current
/// prediction's are sent: a run of a replaced one may still record its last outcomes.
/// </summary>
public sealed class PredictionTallies(PredictionStore store, RoomQuestions questions, WorkshopRoom room, BackgroundWork background, ILogger<PredictionTallies> logger)
{
    private readonly Dictionary<(string PredictionId, string QuestionKey), bool> _changedWhileSending = [];
    private readonly Lock _lock = new();

    /// <summary>The question's answers changed in the store.</summary>
    public void Changed(string workshopId, string predictionId, string questionKey)
    {
        var key = (predictionId, questionKey);
        lock (_lock)
        {
            if (_changedWhileSending.ContainsKey(key))
            {
                _changedWhileSending[key] = true;
                return;
            }
            _changedWhileSending[key] = false;
        }
        background.Start($"sending the tally of {questionKey} of prediction {predictionId}", () => SendAsync(workshopId, key));
    }

    private async Task SendAsync(string workshopId, (string PredictionId, string QuestionKey) key)
    {
        try
        {
            PredictionTally? sent = null;
            while (true)
            {
                lock (_lock) _changedWhileSending[key] = false;
                var tally = await CountAsync(workshopId, key);
                if (tally is not null && (sent is null || !PredictionViews.SameCounts(sent, tally)))
                {
                    await room.PredictionTallied(workshopId, tally);
                    sent = tally;
                    continue;
                }
                lock (_lock)
                    if (!_changedWhileSending[key])
                    {
                        _changedWhileSending.Remove(key);
                        return;
                    }
            }
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException) WorkshopsLog.TallyFailed(logger, key.PredictionId, key.QuestionKey, e);
            lock (_lock) _changedWhileSending.Remove(key);
        }
    }

    private async Task<PredictionTally?> CountAsync(string workshopId, (string PredictionId, string QuestionKey) key)
    {
        if (await store.CurrentAsync(workshopId, CancellationToken.None) is not { } current || current.Id != key.PredictionId) return null;
        if (await questions.FindAsync(key.PredictionId, key.QuestionKey) is not { } question) return null;
        return PredictionViews.Tally(question, await store.CountsAsync(key.PredictionId, key.QuestionKey, CancellationToken.None));
    }
}

using IpcPlayground.Client.Services.Runs;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Client.Services.Workshops;

/// <summary>
/// A participant's side of the room's prediction: which one the room is in and whether it is held, this participant's
/// own predicted run of it — started in the page's own run session, so its questions are answered in the run panel —
/// and their answers so far. Used on the page's dispatcher, as its hub handlers run it.
/// </summary>
public sealed class ParticipantPrediction(RoomPredictionsClient predictions, RunsClient runs, RunSession run)
{
    /// <summary>The prediction whose run this page last started: a hold or a reconnect does not start it again.</summary>
    private string? _runOf;

    /// <summary>How many answers and outcomes the predicted run showed when <see cref="Mine"/> was last read.</summary>
    private int _verdictsSeen;

    /// <summary>The room's current prediction; null when there is none.</summary>
    public RoomPrediction? Current { get; private set; }

    public IReadOnlyList<MyPrediction> Mine { get; private set; } = [];

    /// <summary>Why the server could not be reached to read the prediction or start its run; null when all went well.</summary>
    public string? Unreachable { get; private set; }

    public event Action? Changed;

    /// <summary>On joining, a reload or a reconnect: the prediction the room is in, if any, and this participant's answers so far.</summary>
    public async Task ShowCurrentAsync(bool mayStart)
    {
        try
        {
            var aggregate = await predictions.GetAsync();
            await ShowAsync(aggregate is null ? null
                : new RoomPrediction(aggregate.PredictionId, aggregate.ExperimentId, aggregate.Title, aggregate.Hold, aggregate.StartedAt), mayStart);
        }
        catch (HttpRequestException e)
        {
            Unreachable = e.Message;
            Changed?.Invoke();
        }
    }

    /// <summary>
    /// The instructor started, held or let go of the room's prediction (or ended it: null). A new one starts this
    /// participant's own predicted run of it, when <paramref name="mayStart"/> (not once the workshop ended or they
    /// were removed); the server stops their earlier one.
    /// </summary>
    public async Task ShowAsync(RoomPrediction? prediction, bool mayStart)
    {
        Current = prediction;
        Changed?.Invoke();
        if (prediction is null || prediction.PredictionId == _runOf || !mayStart) return;
        _runOf = prediction.PredictionId;
        Unreachable = null;
        try
        {
            var json = await runs.GetExperimentAsync(prediction.ExperimentId);
            await run.StartAsync(predictions.StartMyRunAsync, RunModes.Predict, json);
        }
        catch (HttpRequestException e)
        {
            Unreachable = e.Message;
        }
        await LoadMineAsync();
    }

    /// <summary>The run session changed: read this participant's answers again once their predicted run recorded an answer or showed an outcome.</summary>
    public Task RunChangedAsync()
    {
        if (run.Mode != RunModes.Predict || run.Log is not { } log) return Task.CompletedTask;
        var verdicts = log.Ordered.Count(e => e is AnswerEvent or OutcomeEvent);
        if (verdicts == _verdictsSeen) return Task.CompletedTask;
        _verdictsSeen = verdicts;
        return LoadMineAsync();
    }

    private async Task LoadMineAsync()
    {
        try
        {
            Mine = await predictions.MineAsync();
            Changed?.Invoke();
        }
        catch (HttpRequestException)
        {
            // The list stays as it was; the run panel still shows this run's answers.
        }
    }
}

using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Runs.Predictions;
using Microsoft.Extensions.Logging;

namespace IpcPlayground.Runs;

/// <summary>
/// Appends a run's events to its log and publishes them, one publisher at a time per run: the supervisor's events, and
/// in predict mode the questions, answers and outcomes the server adds, each in its place. In predict mode every batch
/// is shown to the run's <see cref="Predictor"/>, whose outcomes and next questions follow it.
/// </summary>
public sealed class RunPublisher(IRunEventSink sink, ILogger<RunPublisher> logger)
{
    public Task PublishAsync(Run run, IReadOnlyList<RunEvent> events) => GatedAsync(run, () => AppendAsync(run, events));

    /// <summary>Records a prediction for the run's open question; once the step's questions are all answered it is let go.</summary>
    public async Task<AnswerResult> AnswerAsync(Run run, AnswerRequest request)
    {
        if (run.Predictor is not { } predictor) return new(AnswerStatus.NotPredicting);
        AnswerResult result = new(AnswerStatus.NotPredicting);
        await GatedAsync(run, async () =>
        {
            result = predictor.Answer(request);
            if (result.Event is { } answer) await AppendAsync(run, [answer]);
        });
        return result;
    }

    /// <summary>A workshop holds its room (answered steps wait) or lets it go.</summary>
    public Task HoldAsync(Run run, bool hold) => run.Predictor is not { } predictor ? Task.CompletedTask : GatedAsync(run, () =>
    {
        predictor.RoomHeld = hold;
        return AppendAsync(run, predictor.Advance());
    });

    /// <summary>
    /// A held room lets the step answered so far go and goes on holding: the run's next answered step waits again.
    /// Nothing happens to a run whose room is not held (its answered steps went already).
    /// </summary>
    public Task ReleaseHeldAsync(Run run) => run.Predictor is not { RoomHeld: true } predictor ? Task.CompletedTask
        : GatedAsync(run, () => AppendAsync(run, predictor.Advance(throughHold: true)));

    /// <summary>
    /// The run's closing events, with the outcome of each step let go whose call never returned put before its
    /// <c>run-end</c>; from here nothing more is asked or answered, so the record made of them is the log.
    /// </summary>
    public async Task<IReadOnlyList<RunEvent>> ClosingAsync(Run run, IReadOnlyList<RunEvent> final)
    {
        if (run.Predictor is not { } predictor) return final;
        var closing = final;
        await GatedAsync(run, () =>
        {
            closing = predictor.Closing(final);
            return Task.CompletedTask;
        });
        return closing;
    }

    private static async Task GatedAsync(Run run, Func<Task> publishing)
    {
        await run.PublishGate.WaitAsync();
        try { await publishing(); }
        finally { run.PublishGate.Release(); }
    }

    private async Task AppendAsync(Run run, IReadOnlyList<RunEvent> events)
    {
        while (events.Count > 0)
        {
            var numbered = run.Append(events);
            if (numbered.Length == 0) return;
            try { await sink.PublishAsync(run, numbered, CancellationToken.None); }
            catch (Exception e) when (e is not OperationCanceledException) { RunsLog.PublishFailed(logger, run.Id, e); }
            events = run.Predictor is { } predictor ? [.. predictor.Observe(numbered), .. predictor.Advance()] : [];
        }
    }
}

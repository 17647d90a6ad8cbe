using IpcPlayground.Contracts.Events;
using IpcPlayground.Runs;
using IpcPlayground.Storage.Model;
using IpcPlayground.Storage.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// Follows a participant's run of their room's prediction on the instance that runs it: stores each question the room
/// meets, each answer the participant gives (from the run's <c>answer</c> event) and, from the <c>outcome</c> event,
/// what the call did; after each change the question's tally goes to the instructors (<see cref="PredictionTallies"/>).
/// </summary>
public sealed class RoomPredictionRecorder(PredictionStore store, RoomQuestions questions, PredictionTallies tallies, BackgroundWork background, TimeProvider time,
    ILogger<RoomPredictionRecorder> logger)
{
    public void Follow(Run run, WorkshopCaller participant, string predictionId) =>
        background.Start($"recording the predictions of workshop run {run.Id}", async () =>
        {
            await foreach (var e in run.Events.ReadAllAsync())
                if (e is QuestionEvent or AnswerEvent or OutcomeEvent { Choice: not null })
                    await RecordAsync(run.Id, participant, predictionId, (StepEvent)e);
        });

    private async Task RecordAsync(string runId, WorkshopCaller participant, string predictionId, StepEvent e)
    {
        if (e is not { Process: { } process, Step: { } step }) return;
        var about = e switch { QuestionEvent q => q.About, AnswerEvent a => a.About, OutcomeEvent o => o.About, _ => null };
        if (about is null) return;
        var key = PredictionKeys.Of(process, step, e.Iteration, about);
        bool changed;
        try { changed = await SaveAsync(runId, participant, predictionId, e, key, process, step, about); }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            WorkshopsLog.PredictionRecordFailed(logger, e.Kind, runId, error);
            // The write may have been done before the failure (SQLite can fail as it gives its connection back): count again.
            changed = true;
        }
        if (changed) tallies.Changed(participant.WorkshopId, predictionId, key);
    }

    private async Task<bool> SaveAsync(string runId, WorkshopCaller participant, string predictionId, StepEvent e, string key, string process, string step,
        string about) =>
        e switch
        {
            QuestionEvent question => await questions.AddAsync(new PredictionQuestionRecord
            {
                PredictionId = predictionId, QuestionKey = key, Process = process, Step = step, Iteration = e.Iteration, Op = e.Op, Object = e.Object,
                About = about, ChoicesJson = PredictionViews.ChoicesJson(question.Choices ?? []),
            }),
            AnswerEvent { Choice: { } choice } => await SaveAnswerAsync(new PredictionAnswerRecord
            {
                PredictionId = predictionId, ParticipantId = participant.ParticipantId!, QuestionKey = key, RunId = runId, Process = process, Step = step,
                Iteration = e.Iteration, Op = e.Op, Object = e.Object, About = about, Choice = choice, AnsweredAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            }),
            OutcomeEvent outcome => await store.SaveOutcomeAsync(predictionId, participant.ParticipantId!, key, runId, outcome.Actual, outcome.Correct,
                outcome.Explanation, CancellationToken.None),
            _ => false,
        };

    private async Task<bool> SaveAnswerAsync(PredictionAnswerRecord answer)
    {
        await store.SaveAnswerAsync(answer, CancellationToken.None);
        return true;
    }
}

using IpcPlayground.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace IpcPlayground.Storage.Workshops;

/// <summary>How many answers to a question chose <see cref="Choice"/> and saw the call do <see cref="Actual"/> (null: not yet known).</summary>
public sealed record AnswerCount(string QuestionKey, string Choice, string? Actual, int Count);

/// <summary>An answer and the display name of the participant who gave it.</summary>
public sealed record NamedAnswer(PredictionAnswerRecord Answer, string Participant);

/// <summary>
/// Room predictions, the questions their rooms met and every participant's answers, stored with the workshop (removed
/// with it, and a participant's answers with the participant). Every instance writes the answers of the runs it runs
/// and counts from here, so instances sharing one database count alike.
/// </summary>
public sealed class PredictionStore(PlaygroundDb db)
{
    public const int MaxExplanation = 2000;

    public async Task<WorkshopPrediction> StartAsync(WorkshopPrediction prediction, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        context.Predictions.Add(prediction);
        await context.SaveChangesAsync(cancellationToken);
        return prediction;
    }

    /// <summary>The workshop's latest prediction, which replaced any before it; null before its instructor starts one.</summary>
    public async Task<WorkshopPrediction?> CurrentAsync(string workshopId, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        return await context.Predictions.AsNoTracking().Where(p => p.WorkshopId == workshopId)
            .OrderByDescending(p => p.StartedAtMs).ThenByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SetHoldAsync(string predictionId, bool hold, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        await context.Predictions.Where(p => p.Id == predictionId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Hold, hold), cancellationToken);
    }

    /// <summary>Records a question the first time any run of the room meets it; true when this was the first time.</summary>
    public async Task<bool> AddQuestionAsync(PredictionQuestionRecord question, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        // The room meets each question in every run at about the same moment: the database decides which insert is first.
        return await context.Database.ExecuteSqlAsync($"""
            INSERT INTO prediction_questions ("PredictionId", "QuestionKey", "Process", "Step", "Iteration", "Op", "Object", "About", "ChoicesJson")
            VALUES ({question.PredictionId}, {question.QuestionKey}, {question.Process}, {question.Step}, {question.Iteration}, {question.Op},
                    {question.Object}, {question.About}, {question.ChoicesJson})
            ON CONFLICT ("PredictionId", "QuestionKey") DO NOTHING
            """, cancellationToken) > 0;
    }

    /// <summary>Stores an answer, replacing the participant's earlier answer to the question (from a run they started again).</summary>
    public async Task SaveAnswerAsync(PredictionAnswerRecord answer, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        await context.Database.ExecuteSqlAsync($"""
            INSERT INTO prediction_answers ("PredictionId", "ParticipantId", "QuestionKey", "RunId", "Process", "Step", "Iteration", "Op", "Object",
                                            "About", "Choice", "Actual", "Correct", "Explanation", "AnsweredAtMs")
            VALUES ({answer.PredictionId}, {answer.ParticipantId}, {answer.QuestionKey}, {answer.RunId}, {answer.Process}, {answer.Step},
                    {answer.Iteration}, {answer.Op}, {answer.Object}, {answer.About}, {answer.Choice}, NULL, NULL, NULL, {answer.AnsweredAtMs})
            ON CONFLICT ("PredictionId", "ParticipantId", "QuestionKey") DO UPDATE SET
                "RunId" = excluded."RunId", "Iteration" = excluded."Iteration", "Op" = excluded."Op", "Object" = excluded."Object",
                "Choice" = excluded."Choice", "Actual" = NULL, "Correct" = NULL, "Explanation" = NULL, "AnsweredAtMs" = excluded."AnsweredAtMs"
            """, cancellationToken);
    }

    /// <summary>
    /// What the call did, on the participant's answer given in <paramref name="runId"/> (not on one a later run of
    /// theirs replaced it with). False when there is no such answer.
    /// </summary>
    public async Task<bool> SaveOutcomeAsync(string predictionId, string participantId, string questionKey, string runId, string? actual, bool? correct,
        string? explanation, CancellationToken cancellationToken)
    {
        if (explanation is { Length: > MaxExplanation }) explanation = explanation[..MaxExplanation];
        await using var context = db.Open();
        return await context.PredictionAnswers
            .Where(a => a.PredictionId == predictionId && a.ParticipantId == participantId && a.QuestionKey == questionKey && a.RunId == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Actual, actual).SetProperty(a => a.Correct, correct).SetProperty(a => a.Explanation, explanation),
                cancellationToken) > 0;
    }

    public async Task<PredictionQuestionRecord?> FindQuestionAsync(string predictionId, string questionKey, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        return await context.PredictionQuestions.AsNoTracking()
            .FirstOrDefaultAsync(q => q.PredictionId == predictionId && q.QuestionKey == questionKey, cancellationToken);
    }

    /// <summary>The questions the room met, in the order it first met them.</summary>
    public async Task<List<PredictionQuestionRecord>> QuestionsAsync(string predictionId, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        return await context.PredictionQuestions.AsNoTracking().Where(q => q.PredictionId == predictionId).OrderBy(q => q.Seq).ToListAsync(cancellationToken);
    }

    /// <summary>The answers counted by question, choice and what the call did: of one question, or (null) of all.</summary>
    public async Task<List<AnswerCount>> CountsAsync(string predictionId, string? questionKey, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        var answers = context.PredictionAnswers.Where(a => a.PredictionId == predictionId);
        if (questionKey is not null) answers = answers.Where(a => a.QuestionKey == questionKey);
        return await answers.GroupBy(a => new { a.QuestionKey, a.Choice, a.Actual })
            .Select(g => new AnswerCount(g.Key.QuestionKey, g.Key.Choice, g.Key.Actual, g.Count()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every answer with who gave it, in the order they were given.</summary>
    public async Task<List<NamedAnswer>> AnswersAsync(string predictionId, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        return await context.PredictionAnswers.AsNoTracking().Where(a => a.PredictionId == predictionId)
            .Join(context.Participants, a => a.ParticipantId, p => p.Id, (a, p) => new { Answer = a, p.Name })
            .OrderBy(n => n.Answer.AnsweredAtMs).ThenBy(n => n.Name).ThenBy(n => n.Answer.QuestionKey)
            .Select(n => new NamedAnswer(n.Answer, n.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The questions a participant has answered, of every prediction of their workshop.</summary>
    public async Task<List<(string PredictionId, string QuestionKey)>> AnsweredByAsync(string participantId, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        var answered = await context.PredictionAnswers.Where(a => a.ParticipantId == participantId)
            .Select(a => new { a.PredictionId, a.QuestionKey }).ToListAsync(cancellationToken);
        return [.. answered.Select(a => (a.PredictionId, a.QuestionKey))];
    }

    /// <summary>One participant's answers, in the order they gave them.</summary>
    public async Task<List<PredictionAnswerRecord>> AnswersOfAsync(string predictionId, string participantId, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        return await context.PredictionAnswers.AsNoTracking().Where(a => a.PredictionId == predictionId && a.ParticipantId == participantId)
            .OrderBy(a => a.AnsweredAtMs).ThenBy(a => a.QuestionKey).ToListAsync(cancellationToken);
    }
}

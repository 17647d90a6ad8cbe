using System.Text.Json;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Predictions;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Storage.Model;
using IpcPlayground.Storage.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>Stored room predictions, questions and answers as the contract shows them, counted.</summary>
public static class PredictionViews
{
    public static RoomPrediction Prediction(WorkshopPrediction prediction) => new(prediction.Id, prediction.ExperimentId, prediction.Title,
        prediction.Hold, DateTimeOffset.FromUnixTimeMilliseconds(prediction.StartedAtMs));

    public static PredictionAggregate Aggregate(WorkshopPrediction prediction, IReadOnlyList<PredictionQuestionRecord> questions, IReadOnlyList<AnswerCount> counts)
    {
        var byQuestion = counts.ToLookup(c => c.QuestionKey, StringComparer.Ordinal);
        return new PredictionAggregate(prediction.Id, prediction.ExperimentId, prediction.Title, prediction.Hold,
            DateTimeOffset.FromUnixTimeMilliseconds(prediction.StartedAtMs), [.. questions.Select(q => Tally(q, [.. byQuestion[q.QuestionKey]]))]);
    }

    /// <summary>
    /// One question: every choice it offered with how many chose it, how many answered, and what the calls did (most
    /// often first). Outcomes are counted over the answers whose run has shown it.
    /// </summary>
    public static PredictionTally Tally(PredictionQuestionRecord question, IReadOnlyList<AnswerCount> counts)
    {
        var offered = JsonSerializer.Deserialize(question.ChoicesJson, ContractsJsonContext.Default.IReadOnlyListPredictionChoice) ?? [];
        var chosen = counts.GroupBy(c => c.Choice, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);
        var outcomes = counts.Where(c => c.Actual is not null).GroupBy(c => c.Actual!, StringComparer.Ordinal)
            .Select(g => new TalliedOutcome(g.Key, g.Sum(c => c.Count)))
            .OrderByDescending(o => o.Count).ThenBy(o => o.Actual, StringComparer.Ordinal);
        return new PredictionTally(question.Process, question.Step, question.Iteration, question.Op, question.Object, question.About,
            [.. offered.Select(c => new TalliedChoice(c.Choice, c.Text, chosen.GetValueOrDefault(c.Choice)))], counts.Sum(c => c.Count), [.. outcomes]);
    }

    public static string ChoicesJson(IReadOnlyList<PredictionChoice> choices) =>
        JsonSerializer.Serialize(choices, ContractsJsonContext.Default.IReadOnlyListPredictionChoice);

    public static MyPrediction Mine(PredictionAnswerRecord answer) => new(answer.RunId, answer.Process, answer.Step, answer.Iteration, answer.Op,
        answer.Object, answer.About, answer.Choice, answer.Actual, answer.Correct, answer.Explanation, DateTimeOffset.FromUnixTimeMilliseconds(answer.AnsweredAtMs));

    /// <summary>Whether two tallies of one question count the same (records compare their lists by reference).</summary>
    public static bool SameCounts(PredictionTally a, PredictionTally b) =>
        a.Answered == b.Answered && a.Choices.SequenceEqual(b.Choices) && a.Outcomes.SequenceEqual(b.Outcomes);
}

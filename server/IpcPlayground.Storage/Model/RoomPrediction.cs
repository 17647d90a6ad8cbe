namespace IpcPlayground.Storage.Model;

/// <summary>
/// A predicted run an instructor started for their room: the stored experiment every participant runs, and whether
/// the room is held. The workshop's latest is its current one; a new one replaces it.
/// </summary>
public sealed class WorkshopPrediction
{
    public required string Id { get; init; }
    public required string WorkshopId { get; init; }
    public required string ExperimentId { get; init; }
    public required string Title { get; init; }
    public bool Hold { get; set; }
    public long StartedAtMs { get; init; }
}

/// <summary>
/// A question of a room prediction as the room first met it (<see cref="Seq"/> keeps that order), with the choices
/// it offered. <see cref="QuestionKey"/> names it within the prediction: process, step, iteration and what it is about.
/// </summary>
public sealed class PredictionQuestionRecord
{
    public long Seq { get; init; }
    public required string PredictionId { get; init; }
    public required string QuestionKey { get; init; }
    public required string Process { get; init; }
    public required string Step { get; init; }
    public int? Iteration { get; init; }
    public string? Op { get; init; }
    public string? Object { get; init; }
    public required string About { get; init; }

    /// <summary>The choices offered, as contract JSON (<c>[{"choice", "text"}]</c>), in the order they were offered.</summary>
    public required string ChoicesJson { get; init; }
}

/// <summary>
/// A participant's answer to one question of a room prediction, and what the real call did once their run showed it.
/// One per participant and question: the answer of a run they started again replaces the one before.
/// </summary>
public sealed class PredictionAnswerRecord
{
    public required string PredictionId { get; init; }
    public required string ParticipantId { get; init; }
    public required string QuestionKey { get; init; }
    public required string RunId { get; init; }
    public required string Process { get; init; }
    public required string Step { get; init; }
    public int? Iteration { get; init; }
    public string? Op { get; init; }
    public string? Object { get; init; }
    public required string About { get; init; }
    public required string Choice { get; init; }
    public string? Actual { get; init; }
    public bool? Correct { get; init; }
    public string? Explanation { get; init; }
    public long AnsweredAtMs { get; init; }
}

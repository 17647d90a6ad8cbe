namespace IpcPlayground.Contracts.Workshops;

/// <summary>The body of <c>POST /api/workshops/{id}/prediction</c>: the stored experiment the room predicts, step by step.</summary>
public sealed record StartPredictionRequest(string? ExperimentId);

/// <summary>The body of <c>POST /api/workshops/{id}/prediction/hold</c>: hold the room (answered steps wait) or let it go.</summary>
/// Absent <c>hold</c> is a 400 naming it, so it is nullable here.
public sealed record PredictionHoldRequest(bool? Hold);

/// <summary>The room's predicted run as everyone sees it: which experiment, and whether the instructor holds the room.</summary>
public sealed record RoomPrediction(string PredictionId, string ExperimentId, string Title, bool Hold, DateTimeOffset StartedAt);

/// <summary><c>GET /api/workshops/{id}/prediction</c>: how the room answered each step it met, in the order it first met them.</summary>
public sealed record PredictionAggregate(string PredictionId, string ExperimentId, string Title, bool Hold, DateTimeOffset StartedAt,
    IReadOnlyList<PredictionTally> Steps);

/// <summary>One question of one step: a count per choice (every choice offered, counted or not), how many answered, and what the kernels did.</summary>
public sealed record PredictionTally(string Process, string Step, int? Iteration, string? Op, string? Object, string About,
    IReadOnlyList<TalliedChoice> Choices, int Answered, IReadOnlyList<TalliedOutcome> Outcomes);

public sealed record TalliedChoice(string Choice, string Text, int Count);

/// <summary>What the real call did in so many of the room's runs (the kernel is the same, so normally one line).</summary>
public sealed record TalliedOutcome(string Actual, int Count);

/// <summary><c>GET /api/workshops/{id}/prediction/mine</c>: one of the participant's own answers, with the kernel's verdict once known.</summary>
public sealed record MyPrediction(string RunId, string Process, string Step, int? Iteration, string? Op, string? Object, string About,
    string Choice, string? Actual, bool? Correct, string? Explanation, DateTimeOffset AnsweredAt);

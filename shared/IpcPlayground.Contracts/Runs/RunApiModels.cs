namespace IpcPlayground.Contracts.Runs;

/// <summary>The answer to <c>POST /api/runs</c>.</summary>
public sealed record RunAccepted(string RunId);

/// <summary>The answer to <c>GET /api/runs/{runId}</c>.</summary>
public sealed record RunSummary(
    string RunId,
    string? Name,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    int EventCount,
    IReadOnlyList<RunProcessSummary> Processes,
    string Mode = RunModes.Free,
    PredictionScore? Predictions = null);

/// <summary>A predicted run's score: questions asked, answered, and answered right (by the real call).</summary>
public sealed record PredictionScore(int Asked, int Answered, int Correct);

public sealed record RunProcessSummary(string Process, int? Pid, int? ExitCode, string? Signal);

/// <summary>
/// How a run's processes advance: freely, one step at a time as the person chooses (<c>?mode=step</c>), or one step
/// at a time as the server schedules them, with a question before each interesting step (<c>?mode=predict</c>).
/// </summary>
public static class RunModes
{
    public const string Free = "free";
    public const string Step = "step";
    public const string Predict = "predict";

    public static IReadOnlyList<string> All { get; } = [Free, Step, Predict];

    /// <summary>Whether processes are held before each step (step and predict mode).</summary>
    public static bool Holds(string mode) => mode is Step or Predict;
}

/// <summary>The body of <c>POST /api/runs/{runId}/answer</c>: the prediction for the open question of a held process.</summary>
public sealed record AnswerRequest(string? Process, string? About, string? Choice, string? Step = null, int? Iteration = null);

/// <summary>The body of <c>POST /api/runs/{runId}/step</c>: which held process takes its next step.</summary>
public sealed record StepRequest(string Process);

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
    string Mode = RunModes.Free);

public sealed record RunProcessSummary(string Process, int? Pid, int? ExitCode, string? Signal);

/// <summary>How a run's processes advance: freely, or one step at a time as the person chooses (<c>?mode=step</c>).</summary>
public static class RunModes
{
    public const string Free = "free";
    public const string Step = "step";
}

/// <summary>The body of <c>POST /api/runs/{runId}/step</c>: which held process takes its next step.</summary>
public sealed record StepRequest(string Process);

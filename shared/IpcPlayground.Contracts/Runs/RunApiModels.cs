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
    IReadOnlyList<RunProcessSummary> Processes);

public sealed record RunProcessSummary(string Process, int? Pid, int? ExitCode, string? Signal);

namespace IpcPlayground.WorkerProtocol;

/// <summary>
/// What the server hands the supervisor: a validated experiment resolved for execution (who creates which object,
/// data as bytes, paths fixed), plus the run's settings. The supervisor hands each worker its own <see cref="WorkerScript"/>.
/// </summary>
public sealed record RunPlan
{
    public required string RunId { get; init; }
    public required int TimeoutMs { get; init; }
    public required int BlockedAfterMs { get; init; }
    public required int ReorderWindowMs { get; init; }
    public required IReadOnlyList<PlanObject> Objects { get; init; }
    public required IReadOnlyList<PlanProcess> Processes { get; init; }
}

public sealed record PlanObject
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public int? Capacity { get; init; }
    public string? Path { get; init; }
}

public sealed record PlanProcess
{
    public required string Id { get; init; }
    public string? Parent { get; init; }

    /// <summary>Objects this process makes before its first step (anonymous ones, which its descendants inherit).</summary>
    public required IReadOnlyList<string> Creates { get; init; }
    public required IReadOnlyList<PlanStep> Steps { get; init; }
}

/// <summary>A step ready to execute: the contract's fields with data already as bytes.</summary>
public sealed record PlanStep
{
    public required string Op { get; init; }
    public string? Object { get; init; }
    public byte[]? Data { get; init; }
    public int? Size { get; init; }
    public string? End { get; init; }
    public int? Bytes { get; init; }
    public int? Ms { get; init; }
    public string? Target { get; init; }
    public int? Code { get; init; }
    public int? Times { get; init; }
    public IReadOnlyList<PlanStep>? Steps { get; init; }
}

/// <summary>What the supervisor answers a worker's <see cref="HelloFrame"/> with.</summary>
public sealed record WorkerScript
{
    public required PlanProcess Process { get; init; }
    public required IReadOnlyList<PlanObject> Objects { get; init; }
}

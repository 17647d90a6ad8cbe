namespace IpcPlayground.Contracts.Experiments;

/// <summary>An experiment in format v1: processes, the IPC objects between them and each process's steps.</summary>
public sealed record Experiment
{
    public int? Format { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public ExperimentLimits? Limits { get; init; }
    public IReadOnlyList<ObjectDefinition>? Objects { get; init; }
    public IReadOnlyList<ProcessDefinition>? Processes { get; init; }
}

public sealed record ExperimentLimits
{
    public int? TimeoutMs { get; init; }
}

namespace IpcPlayground.Contracts.Experiments;

/// <summary>One thing wrong with an experiment: the JSON path of the field (e.g. <c>processes[1].steps[0].object</c>) and why.</summary>
public sealed record ValidationError(string Path, string Message);

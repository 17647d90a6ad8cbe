namespace IpcPlayground.Contracts.Experiments;

/// <summary>A process of the run: started by its parent's <c>spawn</c> step, or at run start when it has no parent.</summary>
public sealed record ProcessDefinition
{
    public string? Id { get; init; }
    public string? Parent { get; init; }
    public IReadOnlyList<Step>? Steps { get; init; }
}

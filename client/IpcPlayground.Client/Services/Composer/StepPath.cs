namespace IpcPlayground.Client.Services.Composer;

/// <summary>
/// Where a step stands: its process's index and the indices down through nested <c>repeat</c> steps.
/// <see cref="JsonPath"/> spells it as the validator does, e.g. <c>processes[1].steps[2].steps[0]</c>.
/// </summary>
public sealed record StepPath(int Process, IReadOnlyList<int> Indices)
{
    public string JsonPath => $"processes[{Process}]" + string.Concat(Indices.Select(i => $".steps[{i}]"));

    /// <summary>The JSON path of the list this step belongs to, e.g. <c>processes[1].steps</c>.</summary>
    public string ListPath => $"processes[{Process}]" + string.Concat(Indices.Take(Indices.Count - 1).Select(i => $".steps[{i}]")) + ".steps";

    public StepPath Child(int index) => new(Process, [.. Indices, index]);

    public int Last => Indices[^1];

    public string Field(string field) => $"{JsonPath}.{field}";
}

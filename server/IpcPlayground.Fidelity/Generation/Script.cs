using System.Globalization;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation;

/// <summary>One process's steps as the generator appends them, with the path each gets in events (<c>3</c>, <c>3.1</c>).</summary>
internal sealed class Script(string process, string? parent)
{
    public string Process { get; } = process;
    public string? Parent { get; } = parent;
    public List<Step> Steps { get; } = [];

    /// <summary>Where each appended step stands, for masks: the repeat's path for a repeat, the inner path inside.</summary>
    public Dictionary<Step, string> Paths { get; } = new(ReferenceEqualityComparer.Instance);

    public void Append(Step step)
    {
        var path = Steps.Count.ToString(CultureInfo.InvariantCulture);
        Steps.Add(step);
        Paths[step] = path;
        if (step.Steps is { } inner)
            for (var i = 0; i < inner.Count; i++) Paths[inner[i]] = $"{path}.{i.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Takes back the last <paramref name="count"/> steps (a move the simulator refused).</summary>
    public void Truncate(int count)
    {
        foreach (var step in Steps.Skip(count)) Paths.Remove(step);
        Steps.RemoveRange(count, Steps.Count - count);
    }

    /// <summary>Whether a receiveFd of the script takes a descriptor of the object.</summary>
    public bool Receives(string objectId) =>
        ProcessTree.Flatten(Steps).Any(s => s.Op == Ops.ReceiveFd && s.As?.Object == objectId);

    public bool Uses(string objectId) =>
        Steps.Any(s => s.Object == objectId || (s.Steps ?? []).Any(i => i.Object == objectId));
}

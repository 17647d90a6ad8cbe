namespace IpcPlayground.Contracts.Experiments;

/// <summary>1.1: a descriptor a process holds, named by its object and, for an object with ends, which end (<c>sendFd</c>'s <c>fd</c>, <c>receiveFd</c>'s <c>as</c>).</summary>
public sealed record DescriptorRef
{
    public string? Object { get; init; }
    public string? End { get; init; }
}

/// <summary>Checks the descriptors of <c>sendFd</c> and <c>receiveFd</c> by path, and says which end a received one is.</summary>
public static class DescriptorPassing
{
    /// <summary>A step's <c>fd</c> or <c>as</c>: a known object a process holds as a descriptor, and an end it has.</summary>
    internal static void Check(DescriptorRef reference, string at, IReadOnlyDictionary<string, string> objectTypes, Action<string, string> error) =>
        CheckDescriptor(reference.Object, reference.End, at, objectTypes, error, "to pass; descriptors pass for");

    /// <summary>
    /// An object and end a step names as a descriptor (a poll entry, a passed descriptor, an exec's redirection): known,
    /// held as a descriptor (<paramref name="refusal"/> finishes the sentence naming the types that are), an end it has.
    /// </summary>
    internal static void CheckDescriptor(string? obj, string? end, string at, IReadOnlyDictionary<string, string> objectTypes, Action<string, string> error, string refusal)
    {
        if (obj is null) error($"{at}.object", "object is required");
        else if (!objectTypes.TryGetValue(obj, out var type)) error($"{at}.object", $"unknown object '{obj}'");
        else if (Mechanisms.Named(type) is { HasDescriptor: false })
            error($"{at}.object", $"'{obj}' is a {type}, which has no descriptor {refusal} " + string.Join(", ", Mechanisms.NamesOf(m => m.HasDescriptor)));
        else if (end is not null && !OpCatalog.EndsOf(type).Contains(end))
            error($"{at}.end", OpCatalog.EndsOf(type) is { Count: > 0 } ends ? $"a {type}'s ends are " + string.Join(" and ", ends) : $"a {type} has one descriptor: leave end out");
    }

    /// <summary>
    /// Every <c>receiveFd</c> receives an object some <c>sendFd</c> passes, and knows which end it holds: its own
    /// <c>end</c>, or the one every sender of that object names.
    /// </summary>
    internal static void CheckReceivers(Experiment experiment, IReadOnlyDictionary<string, string> objectTypes, Action<string, string> error)
    {
        var sent = SentEnds(experiment);
        var processes = experiment.Processes ?? [];
        for (var i = 0; i < processes.Count; i++)
            foreach (var (step, path) in WithPaths(processes[i].Steps ?? [], $"processes[{i}].steps"))
            {
                if (step.Op != Ops.ReceiveFd || step.As?.Object is not { } id || !objectTypes.TryGetValue(id, out var type)) continue;
                if (!sent.TryGetValue(id, out var ends))
                    error($"{path}.as.object", $"no sendFd passes a descriptor of '{id}', so nothing can arrive as it");
                else if (step.As.End is null && OpCatalog.EndsOf(type).Count > 0 && ReceivedEnd(step.As, ends) is null)
                    error($"{path}.as.end", $"say which end of '{id}' arrives ({string.Join(" or ", OpCatalog.EndsOf(type))}): the sendFd steps that pass it do not name one end");
            }
    }

    /// <summary>The end a receiveFd's descriptor is held as: its own, else the one end every sender of the object names; null for none.</summary>
    public static string? ReceivedEnd(Experiment experiment, DescriptorRef received) =>
        received.End ?? (received.Object is { } id && SentEnds(experiment).TryGetValue(id, out var ends) ? ReceivedEnd(received, ends) : null);

    private static string? ReceivedEnd(DescriptorRef received, IReadOnlyCollection<string?> sentEnds) =>
        received.End ?? (sentEnds.Count == 1 ? sentEnds.First() : null);

    /// <summary>Object → the ends its sendFd steps name (null: one names none).</summary>
    private static Dictionary<string, HashSet<string?>> SentEnds(Experiment experiment)
    {
        var sent = new Dictionary<string, HashSet<string?>>(StringComparer.Ordinal);
        foreach (var process in experiment.Processes ?? [])
            foreach (var step in ProcessTree.Flatten(process?.Steps ?? []))
                if (step?.Op == Ops.SendFd && step.Fd?.Object is { } id)
                {
                    if (!sent.TryGetValue(id, out var ends)) sent[id] = ends = [];
                    ends.Add(step.Fd.End);
                }
        return sent;
    }

    private static IEnumerable<(Step Step, string Path)> WithPaths(IReadOnlyList<Step> steps, string path)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not { } step) continue;
            yield return (step, $"{path}[{i}]");
            foreach (var inner in WithPaths(step.Steps ?? [], $"{path}[{i}].steps")) yield return inner;
        }
    }
}

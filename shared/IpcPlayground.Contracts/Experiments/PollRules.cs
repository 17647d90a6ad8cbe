namespace IpcPlayground.Contracts.Experiments;

/// <summary>Checks a poll step's objects by path.</summary>
internal static class PollRules
{
    public const int MaxTargets = 16;

    public static void Check(IReadOnlyList<PollTarget> targets, string path, IReadOnlyDictionary<string, string> objectTypes, Action<string, string> error)
    {
        if (targets.Count is 0 or > MaxTargets) error($"{path}.objects", $"poll watches 1 to {MaxTargets} objects");
        for (var i = 0; i < targets.Count; i++)
        {
            var at = $"{path}.objects[{i}]";
            if (targets[i] is not { } target) { error(at, "an entry is a JSON object"); continue; }
            if (target.Object is null) error($"{at}.object", "object is required");
            else if (!objectTypes.TryGetValue(target.Object, out var type)) error($"{at}.object", $"unknown object '{target.Object}'");
            else if (Mechanisms.Named(type) is { HasDescriptor: false })
                error($"{at}.object", $"'{target.Object}' is a {type}, which has no descriptor to poll; poll takes " + string.Join(", ", Mechanisms.NamesOf(m => m.HasDescriptor)));
            else if (target.End is { } end && !OpCatalog.EndsOf(type).Contains(end))
                error($"{at}.end", OpCatalog.EndsOf(type) is { Count: > 0 } ends ? $"a {type}'s ends are " + string.Join(" and ", ends) : $"a {type} has one descriptor: leave end out");
            if (target.Events is not { Count: > 0 } events) error($"{at}.events", "events names what to wait for: in, out or both");
            else
                for (var j = 0; j < events.Count; j++)
                    if (!PollEvents.Asked.Contains(events[j])) error($"{at}.events[{j}]", $"'{events[j]}' is not one of in, out");
        }
    }
}

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
            DescriptorPassing.CheckDescriptor(target.Object, target.End, at, objectTypes, error, "to poll; poll takes");
            if (target.Events is not { Count: > 0 } events) error($"{at}.events", "events names what to wait for: in, out or both");
            else
                for (var j = 0; j < events.Count; j++)
                    if (!PollEvents.Asked.Contains(events[j])) error($"{at}.events[{j}]", $"'{events[j]}' is not one of in, out");
        }
    }
}

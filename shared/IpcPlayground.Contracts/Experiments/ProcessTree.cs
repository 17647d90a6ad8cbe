namespace IpcPlayground.Contracts.Experiments;

/// <summary>Parent links between processes, and who must create an object that is passed down through spawn.</summary>
public static class ProcessTree
{
    /// <summary>The process itself, then its parent, grandparent and so on.</summary>
    public static IEnumerable<string> SelfAndAncestors(string id, IReadOnlyDictionary<string, string?> parents)
    {
        for (string? current = id; current is not null; current = parents.GetValueOrDefault(current))
            yield return current;
    }

    /// <summary>The nearest process that is the ancestor (or self) of every user; null when they share none.</summary>
    public static string? LowestCommonAncestor(IReadOnlyCollection<string> users, IReadOnlyDictionary<string, string?> parents)
    {
        if (users.Count == 0) return null;
        var candidates = SelfAndAncestors(users.First(), parents).ToList();
        return candidates.FirstOrDefault(c => users.All(u => SelfAndAncestors(u, parents).Contains(c)));
    }

    /// <summary>
    /// The processes whose steps (repeats included) name each object. A process that receives an object's
    /// descriptor (receiveFd) is not counted for it: it gets it over a socket, not through spawn.
    /// </summary>
    public static Dictionary<string, SortedSet<string>> ObjectUsers(Experiment experiment)
    {
        var users = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var process in experiment.Processes ?? [])
        {
            var steps = Flatten(process.Steps ?? []).ToList();
            var received = steps.Where(s => s.Op == Ops.ReceiveFd).Select(s => s.As?.Object).ToHashSet(StringComparer.Ordinal);
            foreach (var step in steps)
                foreach (var used in (step.Objects ?? []).Select(t => t?.Object).Append(step.Object).Append(step.Fd?.Object).Append(step.Stdin?.Object).Append(step.Stdout?.Object))
                    if (used is not null && !received.Contains(used))
                    {
                        if (!users.TryGetValue(used, out var set)) users[used] = set = new(StringComparer.Ordinal);
                        set.Add(process.Id!);
                    }
        }
        return users;
    }

    public static IEnumerable<Step> Flatten(IEnumerable<Step> steps) =>
        steps.SelectMany(s => s.Steps is null ? [s] : Flatten(s.Steps).Prepend(s));
}

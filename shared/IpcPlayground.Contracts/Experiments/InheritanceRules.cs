namespace IpcPlayground.Contracts.Experiments;

/// <summary>An anonymous pipe or socketpair reaches only the process that makes it and that process's descendants.</summary>
internal static class InheritanceRules
{
    public static void Check(
        Experiment experiment,
        IReadOnlyDictionary<string, string?> parents,
        IReadOnlyDictionary<string, string> objectTypes,
        Action<string, string> error)
    {
        var users = ProcessTree.ObjectUsers(experiment);
        var objects = experiment.Objects ?? [];
        for (var i = 0; i < objects.Count; i++)
        {
            var obj = objects[i];
            if (!ObjectTypes.IsInherited(obj.Type!) || !users.TryGetValue(obj.Id!, out var set)) continue;
            if (ProcessTree.LowestCommonAncestor(set, parents) is null)
                error($"objects[{i}].id",
                    $"{objectTypes[obj.Id!]} '{obj.Id}' is used by {string.Join(", ", set.Select(s => $"'{s}'"))}, which share no ancestor; " +
                    "an anonymous object passes only from parent to child through spawn (use a fifo or a Unix socket between unrelated processes)");
        }
    }
}

namespace IpcPlayground.Contracts.Experiments;

/// <summary>
/// A listening stream socket or a bound datagram socket belongs to one process: the one that accepts (stream) or
/// receives (datagram) on it binds it before its first step.
/// </summary>
public static class SocketRules
{
    /// <summary>The op whose process binds the socket, or null for objects that are not bound by a process.</summary>
    public static string? BindingOp(string objectType) => Mechanisms.Named(objectType)?.BindingOp;

    /// <summary>Object id → the process that binds it.</summary>
    public static Dictionary<string, string> Binders(Experiment experiment)
    {
        var types = (experiment.Objects ?? []).Where(o => o.Id is not null && o.Type is not null).ToDictionary(o => o.Id!, o => o.Type!, StringComparer.Ordinal);
        var binders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var process in experiment.Processes ?? [])
            foreach (var step in ProcessTree.Flatten(process.Steps ?? []))
                if (step.Object is not null && types.TryGetValue(step.Object, out var type) && BindingOp(type) == step.Op)
                    binders.TryAdd(step.Object, process.Id!);
        return binders;
    }

    internal static void Check(Experiment experiment, Action<string, string> error)
    {
        var binders = Binders(experiment);
        var processes = experiment.Processes ?? [];
        for (var i = 0; i < processes.Count; i++)
        {
            var steps = processes[i].Steps ?? [];
            for (var j = 0; j < steps.Count; j++)
                foreach (var step in ProcessTree.Flatten([steps[j]]))
                    if (step.Object is not null && binders.TryGetValue(step.Object, out var binder) && binder != processes[i].Id &&
                        (experiment.Objects ?? []).FirstOrDefault(o => o.Id == step.Object) is { } obj && BindingOp(obj.Type!) == step.Op)
                        error($"processes[{i}].steps[{j}].object",
                            $"'{step.Object}' is bound by '{binder}', which {step.Op}s on it; one process owns a listening or bound socket");
        }
    }
}

using System.Text.RegularExpressions;

namespace IpcPlayground.Contracts.Experiments;

/// <summary>
/// Checks an experiment against format v1 and names every problem by its JSON path. Pure: no I/O, so the browser runs
/// the same checks inline that the server runs before it starts a sandbox.
/// </summary>
public static partial class ExperimentValidator
{
    public const int MaxProcesses = 16;
    public const int MaxObjects = 64;
    public const int MaxStepsPerProcess = 1000;
    public const int MaxRepeatDepth = 4;
    public const int MaxReadBytes = 1 << 20;
    public const int MaxDataLength = 1 << 20;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();

    public static IReadOnlyList<ValidationError> Validate(Experiment experiment, SizeCaps? caps = null)
    {
        caps ??= SizeCaps.Default;
        var errors = new List<ValidationError>();
        void Error(string path, string message) => errors.Add(new ValidationError(path, message));

        if (experiment.Format != 1)
            Error("format", experiment.Format is null ? "format is required and must be 1" : $"format {experiment.Format} is not supported; this server reads format 1");
        if (experiment.Name is { Length: > 200 })
            Error("name", "name is at most 200 characters");
        else if (experiment.Name is { } name && !StoredText.IsClean(name))
            Error("name", "name may not contain control characters");
        if (experiment.Description is { Length: > 4000 })
            Error("description", "description is at most 4000 characters");
        else if (experiment.Description is { } description && !StoredText.IsClean(description, multiline: true))
            Error("description", "description may not contain control characters other than line breaks and tabs");
        if (experiment.Limits?.TimeoutMs is <= 0)
            Error("limits.timeoutMs", "timeoutMs must be a positive number of milliseconds");

        var objects = experiment.Objects ?? [];
        var processes = experiment.Processes ?? [];
        var ids = new HashSet<string>(StringComparer.Ordinal);

        if (objects.Count > MaxObjects)
            Error("objects", $"at most {MaxObjects} objects");
        var objectTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        var validObjects = new Dictionary<string, ObjectDefinition>(StringComparer.Ordinal);
        for (var i = 0; i < objects.Count; i++)
        {
            var path = $"objects[{i}]";
            var obj = objects[i];
            if (obj is null) { Error(path, "an object is a JSON object"); continue; }
            CheckId(obj.Id, $"{path}.id", ids, Error);
            if (obj.Type is null)
                Error($"{path}.type", "type is required: one of " + string.Join(", ", ObjectTypes.All));
            else if (!ObjectTypes.All.Contains(obj.Type))
                Error($"{path}.type", $"unknown object type '{obj.Type}'; expected one of " + string.Join(", ", ObjectTypes.All));
            else
            {
                var errorsBefore = errors.Count;
                ObjectFieldRules.Check(obj, path, caps, Error);
                if (obj.Id is not null && objectTypes.TryAdd(obj.Id, obj.Type) && errors.Count == errorsBefore)
                    validObjects.Add(obj.Id, obj);
            }
        }

        if (experiment.Processes is null || processes.Count == 0)
            Error("processes", "an experiment has 1 to 16 processes");
        else if (processes.Count > MaxProcesses)
            Error("processes", $"at most {MaxProcesses} processes");

        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < processes.Count; i++)
        {
            var process = processes[i];
            if (process is null) { Error($"processes[{i}]", "a process is a JSON object"); continue; }
            if (CheckId(process.Id, $"processes[{i}].id", ids, Error)) parents.TryAdd(process.Id!, process.Parent);
        }
        for (var i = 0; i < processes.Count; i++)
        {
            var process = processes[i];
            if (process?.Parent is null || process.Id is null) continue;
            if (!parents.ContainsKey(process.Parent))
                Error($"processes[{i}].parent", $"unknown process '{process.Parent}'");
            else if (HasCycle(process.Id, parents))
                Error($"processes[{i}].parent", $"process '{process.Id}' is its own ancestor");
        }

        var context = new StepContext(objectTypes, validObjects, parents, caps, Error);
        for (var i = 0; i < processes.Count; i++)
        {
            var process = processes[i];
            if (process?.Id is null) continue;
            if (process.Steps is null) { Error($"processes[{i}].steps", "steps is required (it may be empty)"); continue; }
            var count = 0;
            CheckSteps(process.Steps, $"processes[{i}].steps", process.Id, 0, context, ref count);
            if (count > MaxStepsPerProcess)
                Error($"processes[{i}].steps", $"at most {MaxStepsPerProcess} steps per process, repeats counted once");
        }

        DescriptorPassing.CheckReceivers(experiment, objectTypes, Error);
        if (errors.Count == 0)
        {
            InheritanceRules.Check(experiment, parents, objectTypes, Error);
            SocketRules.Check(experiment, Error);
        }
        return errors;
    }

    private static bool CheckId(string? id, string path, HashSet<string> ids, Action<string, string> error)
    {
        if (id is null) { error(path, "id is required"); return false; }
        if (!IdPattern().IsMatch(id)) { error(path, $"id '{id}' must match ^[a-z][a-z0-9-]{{0,31}}$"); return false; }
        if (!ids.Add(id)) { error(path, $"duplicate id '{id}': ids are unique among processes and objects"); return false; }
        return true;
    }

    private static bool HasCycle(string id, Dictionary<string, string?> parents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? current = id; current is not null; current = parents.GetValueOrDefault(current))
            if (!seen.Add(current)) return true;
        return false;
    }

    /// <param name="ValidObjects">The objects whose own fields are valid, so that steps can be checked against their size and count.</param>
    private sealed record StepContext(
        Dictionary<string, string> ObjectTypes,
        Dictionary<string, ObjectDefinition> ValidObjects,
        Dictionary<string, string?> Parents,
        SizeCaps Caps,
        Action<string, string> Error)
    {
        public HashSet<string> Spawned { get; } = new(StringComparer.Ordinal);
    }

    private static void CheckSteps(IReadOnlyList<Step> steps, string path, string processId, int depth, StepContext context, ref int count)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            count++;
            var step = steps[i];
            var stepPath = $"{path}[{i}]";
            if (step is null) { context.Error(stepPath, "a step is a JSON object"); continue; }
            CheckStep(step, stepPath, processId, depth, context);
            if (step.Op == Ops.Exec) ExecRules.CheckPlace(steps, i, stepPath, depth, context.Error);
            if (step.Op == Ops.Repeat && step.Steps is not null)
            {
                if (depth + 1 > MaxRepeatDepth)
                    context.Error($"{stepPath}.steps", $"repeats nest at most {MaxRepeatDepth} deep");
                else
                    CheckSteps(step.Steps, $"{stepPath}.steps", processId, depth + 1, context, ref count);
            }
        }
    }

    private static void CheckStep(Step step, string path, string processId, int depth, StepContext context)
    {
        var error = context.Error;
        if (step.Op is null) { error($"{path}.op", "op is required"); return; }
        if (!OpCatalog.Specs.TryGetValue(step.Op, out var spec))
        {
            error($"{path}.op", $"unknown op '{step.Op}'; expected one of " + string.Join(", ", OpCatalog.Specs.Keys));
            return;
        }

        if (step.Object is not null && context.ObjectTypes.TryGetValue(step.Object, out var objectType)) spec = spec.For(objectType);
        var set = step.SetFields().ToHashSet(StringComparer.Ordinal);
        foreach (var field in set.Where(f => !spec.Takes(f)))
            error($"{path}.{field}", $"op '{step.Op}' takes no field '{field}'");
        foreach (var field in spec.Required.Where(f => !set.Contains(f)))
            error($"{path}.{field}", $"op '{step.Op}' requires '{field}'");
        if (spec.ExactlyOneOf is { } oneOf && oneOf.Count(set.Contains) != 1)
            error($"{path}.{oneOf[0]}", $"op '{step.Op}' takes exactly one of " + string.Join(", ", oneOf.Select(f => $"'{f}'")));

        if (step.Object is not null)
        {
            if (!context.ObjectTypes.TryGetValue(step.Object, out var type))
                error($"{path}.object", $"unknown object '{step.Object}'");
            else if (spec.ObjectTypes is { } types && !types.Contains(type))
                error($"{path}.object", $"op '{step.Op}' does not apply to '{step.Object}', a {type}; it applies to " + string.Join(", ", types));
            else
                StepObjectRules.Check(step, spec, type, context.ValidObjects.GetValueOrDefault(step.Object), path, error);
        }
        if (step.Process is not null)
            CheckTargetProcess(step, path, processId, depth, context);
        if (step.Objects is { } targets)
            PollRules.Check(targets, path, context.ObjectTypes, error);
        if (step.Fd is { } passed)
            DescriptorPassing.Check(passed, $"{path}.fd", context.ObjectTypes, error);
        if (step.As is { } received)
            DescriptorPassing.Check(received, $"{path}.as", context.ObjectTypes, error);
        if (step.Op == Ops.Exec)
            ExecRules.Check(step, path, context.ObjectTypes, context.Caps, error);
        StepFieldRules.Check(step, path, context.Caps, error);
    }

    private static void CheckTargetProcess(Step step, string path, string processId, int depth, StepContext context)
    {
        var error = context.Error;
        if (!context.Parents.TryGetValue(step.Process!, out var targetParent))
        {
            error($"{path}.process", $"unknown process '{step.Process}'");
            return;
        }
        if (step.Op is Ops.Spawn or Ops.Wait && targetParent != processId)
            error($"{path}.process", $"'{step.Process}' is not a child of '{processId}': give it \"parent\": \"{processId}\"");
        if (step.Op == Ops.Spawn)
        {
            if (depth > 0)
                error($"{path}.process", "a process is spawned once, so spawn cannot stand inside repeat");
            else if (!context.Spawned.Add(step.Process!))
                error($"{path}.process", $"'{step.Process}' is already spawned by an earlier step");
        }
    }
}

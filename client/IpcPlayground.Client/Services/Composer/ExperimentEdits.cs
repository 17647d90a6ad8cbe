using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Client.Services.Composer;

/// <summary>
/// The edits the composer's forms make, each a pure function from one experiment to the next. They keep the
/// experiment coherent where the form can: a child gets a <c>spawn</c> step in its parent; renaming or removing a
/// process or object updates what names it.
/// </summary>
public static class ExperimentEdits
{
    public static Experiment Blank { get; } = new()
    {
        Format = 1,
        Name = "My experiment",
        Limits = new ExperimentLimits { TimeoutMs = 5000 },
        Objects = [],
        Processes = [new ProcessDefinition { Id = "main", Steps = [] }],
    };

    public static Experiment SetName(Experiment e, string? name) => e with { Name = string.IsNullOrWhiteSpace(name) ? null : name };

    public static Experiment SetTimeout(Experiment e, int? timeoutMs) =>
        e with { Limits = timeoutMs is null ? null : (e.Limits ?? new ExperimentLimits()) with { TimeoutMs = timeoutMs } };

    // ---- processes

    public static Experiment AddProcess(Experiment e, string? parent = null)
    {
        var id = NewId(e, "proc");
        var added = e with { Processes = [.. Processes(e), new ProcessDefinition { Id = id, Steps = [] }] };
        return parent is null ? added : SetParent(added, Processes(added).Count - 1, parent);
    }

    public static Experiment RemoveProcess(Experiment e, int index)
    {
        var id = Processes(e)[index].Id;
        var rest = Processes(e).Where((_, i) => i != index)
            .Select(p => p with
            {
                Parent = p.Parent == id ? null : p.Parent,
                Steps = WithoutStepsNaming(p.Steps, s => s.Process == id),
            });
        return e with { Processes = [.. rest] };
    }

    public static Experiment RenameProcess(Experiment e, int index, string newId)
    {
        var old = Processes(e)[index].Id;
        var renamed = Processes(e).Select((p, i) => p with
        {
            Id = i == index ? newId : p.Id,
            Parent = p.Parent == old && old is not null ? newId : p.Parent,
            Steps = MapSteps(p.Steps, s => s.Process == old && old is not null ? s with { Process = newId } : s),
        });
        return e with { Processes = [.. renamed] };
    }

    /// <summary>Makes a process the child of another (or of none): the new parent starts it with a <c>spawn</c> step first thing, and the old parent no longer spawns or waits for it.</summary>
    public static Experiment SetParent(Experiment e, int index, string? parent)
    {
        var child = Processes(e)[index];
        var updated = Processes(e).Select((p, i) =>
        {
            if (i == index) return p with { Parent = parent };
            if (p.Id == child.Parent && p.Id != parent)
                return p with { Steps = (p.Steps ?? []).Where(s => !(s.Op is Ops.Spawn or Ops.Wait && s.Process == child.Id)).ToList() };
            if (p.Id == parent && !(p.Steps ?? []).Any(s => s.Op == Ops.Spawn && s.Process == child.Id))
                return p with { Steps = [new Step { Op = Ops.Spawn, Process = child.Id }, .. p.Steps ?? []] };
            return p;
        });
        return e with { Processes = [.. updated] };
    }

    // ---- objects

    public static Experiment AddObject(Experiment e, string type) =>
        e with { Objects = [.. e.Objects ?? [], new ObjectDefinition { Id = NewId(e, ShortName(type)), Type = type }] };

    /// <summary>How many steps (repeats' included) name the object: what removing it removes with it.</summary>
    public static int StepsNamingObject(Experiment e, string? id) =>
        Processes(e).Sum(p => ProcessTree.Flatten(p.Steps ?? []).Count(s => s.Object == id));

    /// <summary>How many steps of the other processes name the process (spawn, wait, signal): what removing it removes with it.</summary>
    public static int StepsNamingProcess(Experiment e, string? id) =>
        Processes(e).Where(p => p.Id != id).Sum(p => ProcessTree.Flatten(p.Steps ?? []).Count(s => s.Process == id));

    public static Experiment RemoveObject(Experiment e, int index)
    {
        var id = (e.Objects ?? [])[index].Id;
        return e with
        {
            Objects = [.. (e.Objects ?? []).Where((_, i) => i != index)],
            Processes = [.. Processes(e).Select(p => p with { Steps = WithoutStepsNaming(p.Steps, s => s.Object == id) })],
        };
    }

    public static Experiment RenameObject(Experiment e, int index, string newId)
    {
        var old = (e.Objects ?? [])[index].Id;
        return e with
        {
            Objects = [.. (e.Objects ?? []).Select((o, i) => i == index ? o with { Id = newId } : o)],
            Processes = [.. Processes(e).Select(p => p with { Steps = MapSteps(p.Steps, s => s.Object == old && old is not null ? s with { Object = newId } : s) })],
        };
    }

    /// <summary>Changes an object's type, dropping the fields the new type does not take.</summary>
    public static Experiment SetObjectType(Experiment e, int index, string type) => EditObject(e, index, o =>
        ObjectFields.All.Where(f => !ObjectTypes.FieldsOf(type).Contains(f)).Aggregate(o with { Type = type }, (x, f) => ObjectFields.Set(x, f, null)));

    public static Experiment SetObjectField(Experiment e, int index, string field, string? value) =>
        EditObject(e, index, o => ObjectFields.Set(o, field, value));

    private static Experiment EditObject(Experiment e, int index, Func<ObjectDefinition, ObjectDefinition> edit) =>
        e with { Objects = [.. (e.Objects ?? []).Select((o, i) => i == index ? edit(o) : o)] };

    // ---- steps

    public static Step StepAt(Experiment e, StepPath path)
    {
        IReadOnlyList<Step> steps = Processes(e)[path.Process].Steps ?? [];
        for (var depth = 0; ; depth++)
        {
            var step = steps[path.Indices[depth]];
            if (depth == path.Indices.Count - 1) return step;
            steps = step.Steps ?? [];
        }
    }

    /// <summary>Appends a step with sensible values for the op's required fields to a process (<paramref name="inside"/> null) or inside a repeat.</summary>
    public static Experiment AddStep(Experiment e, int process, StepPath? inside, string op)
    {
        var step = WithDefaults(e, process, new Step { Op = op });
        return EditList(e, process, inside?.Indices ?? [], list => [.. list, step]);
    }

    public static Experiment RemoveStep(Experiment e, StepPath path) =>
        EditList(e, path.Process, path.Indices.Take(path.Indices.Count - 1).ToList(), list => [.. list.Where((_, i) => i != path.Last)]);

    public static Experiment MoveStep(Experiment e, StepPath path, int offset) =>
        EditList(e, path.Process, path.Indices.Take(path.Indices.Count - 1).ToList(), list =>
        {
            var to = path.Last + offset;
            if (to < 0 || to >= list.Count) return list;
            var moved = list.ToList();
            (moved[path.Last], moved[to]) = (moved[to], moved[path.Last]);
            return moved;
        });

    /// <summary>Changes a step's op, keeping the fields the new op also takes on the step's object and filling its required ones.</summary>
    public static Experiment SetStepOp(Experiment e, StepPath path, string op) => EditStep(e, path, s =>
    {
        var keep = StepFields.For(op, null).ToHashSet(StringComparer.Ordinal);
        var cleared = StepFields.All.Where(f => !keep.Contains(f)).Aggregate(s with { Op = op }, (x, f) => StepFields.Set(x, f, null));
        if (op != Ops.Repeat) cleared = cleared with { Steps = null };
        return FitToObject(e, WithDefaults(e, path.Process, cleared));
    });

    /// <summary>Predict mode: ask about this step (true), never (false), or as its op decides (null).</summary>
    public static Experiment SetStepAsk(Experiment e, StepPath path, bool? ask) => EditStep(e, path, s => s with { Ask = ask });

    /// <summary>Sets a step's field; naming another object drops the fields that do not apply to its type.</summary>
    public static Experiment SetStepField(Experiment e, StepPath path, string field, string? value) =>
        EditStep(e, path, s => field == "object" ? FitToObject(e, StepFields.Set(s, field, value)) : StepFields.Set(s, field, value));

    /// <summary>Drops the fields the step's op does not take on its object's type (a System V queue's <c>priority</c>), and an end the object lacks.</summary>
    private static Step FitToObject(Experiment e, Step step)
    {
        if (step.Op is null || !OpCatalog.Specs.TryGetValue(step.Op, out var spec) || StepFields.ObjectTypeOf(e, step) is not { } type)
            return step;
        var variant = spec.For(type);
        var fitted = StepFields.All.Where(f => f != "object" && (!variant.Takes(f) || !variant.FieldAppliesTo(f, type))).Aggregate(step, (x, f) => StepFields.Set(x, f, null));
        if (!ReferenceEquals(variant, spec)) fitted = FillRequired(variant, fitted);
        return fitted.End is { } end && !OpCatalog.EndsOf(type).Contains(end) ? fitted with { End = null } : fitted;
    }

    /// <summary>The variant's required fields a step lacks, at their defaults (an eventfd write's value).</summary>
    private static Step FillRequired(OpSpec variant, Step step) =>
        variant.Required.Where(f => StepFields.Get(step, f) is null).Aggregate(step, (x, f) => StepFields.Set(x, f, DefaultValue(f)));

    public static Experiment EditStep(Experiment e, StepPath path, Func<Step, Step> edit) =>
        EditList(e, path.Process, path.Indices.Take(path.Indices.Count - 1).ToList(),
            list => [.. list.Select((s, i) => i == path.Last ? edit(s) : s)]);

    private static Experiment EditList(Experiment e, int process, IReadOnlyList<int> repeatIndices, Func<IReadOnlyList<Step>, IReadOnlyList<Step>> edit)
    {
        IReadOnlyList<Step> Descend(IReadOnlyList<Step> list, int depth) =>
            depth == repeatIndices.Count
                ? edit(list)
                : [.. list.Select((s, i) => i == repeatIndices[depth] ? s with { Steps = Descend(s.Steps ?? [], depth + 1) } : s)];
        return e with { Processes = [.. Processes(e).Select((p, i) => i == process ? p with { Steps = Descend(p.Steps ?? [], 0) } : p)] };
    }

    /// <summary>Fills the op's required fields that are empty with values that make a valid step where possible.</summary>
    public static Step WithDefaults(Experiment e, int process, Step step)
    {
        if (step.Op is null || !OpCatalog.Specs.TryGetValue(step.Op, out var spec)) return step;
        var self = Processes(e)[process];
        string? FirstObject() => (e.Objects ?? []).FirstOrDefault(o => spec.ObjectTypes is null || spec.ObjectTypes.Contains(o.Type ?? ""))?.Id;
        if (spec.Required.Contains("object") || spec.ExactlyOneOf is ["object", ..])
            step = step.Object is null ? step with { Object = FirstObject() } : step;
        spec = spec.For(StepFields.ObjectTypeOf(e, step)); // an eventfd's write takes a value, not data
        foreach (var field in spec.Required.Where(f => f == "steps" ? step.Steps is null : StepFields.Get(step, f) is null))
        {
            step = field switch
            {
                "object" => step with { Object = FirstObject() },
                "process" => step with
                {
                    Process = step.Op is Ops.Spawn or Ops.Wait
                        ? Processes(e).FirstOrDefault(p => p.Parent == self.Id)?.Id
                        : Processes(e).FirstOrDefault(p => p.Id != self.Id)?.Id,
                },
                "steps" => step with { Steps = [] },
                "signals" => step with { Signals = ["SIGUSR1"] },
                _ => StepFields.Set(step, field, DefaultValue(field)),
            };
        }
        if (spec.ExactlyOneOf is { } oneOf && !oneOf.Any(f => StepFields.Get(step, f) is not null))
            step = StepFields.Set(step, oneOf[0], oneOf[0] == "data" ? "hello" : "0");
        return step;
    }

    private static string? DefaultValue(string field) => field switch
    {
        "data" => "hello",
        "bytes" => "100",
        "mode" => "read-write",
        "offset" => "0",
        "length" => "4",
        "times" => "1",
        "signal" => "SIGUSR1",
        "action" => "log",
        "ms" => "100",
        "code" => "0",
        "value" => "1",
        "kind" => FaultKinds.Segv,
        "program" => "cat",
        _ => null,
    };

    // ---- helpers

    private static IReadOnlyList<ProcessDefinition> Processes(Experiment e) => e.Processes ?? [];

    private static IReadOnlyList<Step>? MapSteps(IReadOnlyList<Step>? steps, Func<Step, Step> map) =>
        steps?.Select(s => map(s) with { Steps = MapSteps(s.Steps, map) }).ToList();

    private static IReadOnlyList<Step>? WithoutStepsNaming(IReadOnlyList<Step>? steps, Func<Step, bool> names) =>
        steps?.Where(s => !names(s)).Select(s => s with { Steps = WithoutStepsNaming(s.Steps, names) }).ToList();

    /// <summary>A fresh id, unique among processes and objects: <c>proc1</c>, <c>pipe2</c>, …</summary>
    public static string NewId(Experiment e, string prefix)
    {
        var taken = (e.Objects ?? []).Select(o => o.Id).Concat(Processes(e).Select(p => p.Id)).ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
            if (!taken.Contains(prefix + n)) return prefix + n;
    }

    private static string ShortName(string type) => Mechanisms.Named(type)?.IdPrefix ?? type;
}

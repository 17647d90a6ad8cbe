using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Client.Services.Composer;

/// <summary>
/// A step's fields as form inputs: the kind of input, the choices, and reading and writing each field as text.
/// Which fields an op takes, and which of them apply to the step's object, comes from <see cref="OpCatalog"/>.
/// </summary>
public static class StepFields
{
    public static readonly IReadOnlyList<string> All =
    [
        "object", "data", "size", "end", "bytes", "type", "priority", "maxBytes", "nowait", "mode", "offset", "int32",
        "length", "times", "atomic", "index", "count", "process", "signal", "action", "signals", "timeoutMs", "ms", "code", "undo",
        "create", "exclusive", "value", "flags", "kind", "path", "objects", "fd", "as", "program", "args", "stdin", "stdout",
    ];

    /// <summary>
    /// The fields a form shows for an op on an object of that type (every field the op takes while the type is not
    /// known), required first; <c>steps</c> of a repeat is drawn as a nested list instead.
    /// </summary>
    public static IEnumerable<string> For(string? op, string? objectType) =>
        op is not null && OpCatalog.Specs.TryGetValue(op, out var spec)
            ? spec.For(objectType).FieldsFor(objectType).Where(f => f != "steps")
            : [];

    /// <summary>The type of the object a step names, or null when it names none or one the experiment lacks.</summary>
    public static string? ObjectTypeOf(Experiment e, Step step) =>
        step.Object is null ? null : (e.Objects ?? []).FirstOrDefault(o => o.Id == step.Object)?.Type;

    public static bool IsRequired(string? op, string field, string? objectType = null) =>
        op is not null && OpCatalog.Specs.TryGetValue(op, out var spec) && spec.For(objectType).Required.Contains(field);

    public static FieldKind KindOf(string field) => field switch
    {
        "object" => FieldKind.ObjectRef,
        "process" => FieldKind.ProcessRef,
        "data" or "flags" or "path" or "objects" or "fd" or "as" or "args" or "stdin" or "stdout" => FieldKind.Text,
        "end" or "mode" or "action" or "signal" or "create" or "kind" or "program" => FieldKind.Choice,
        "nowait" or "atomic" or "undo" or "exclusive" => FieldKind.Flag,
        "signals" => FieldKind.SignalList,
        _ => FieldKind.Number,
    };

    public static IReadOnlyList<string> ChoicesOf(string field, string? objectType) => field switch
    {
        "end" => objectType is null ? ["read", "write"] : OpCatalog.EndsOf(objectType),
        "mode" => ["read", "write", "read-write"],
        "create" => ["true", "false"], // left out: the object type's default (see OpenFlags)
        "kind" => FaultKinds.All,
        "program" => SizeCaps.DefaultPrograms,
        "action" => SignalActions.All,
        "signal" => CommonSignals,
        _ => [],
    };

    public static readonly IReadOnlyList<string> CommonSignals =
        ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP", "SIGALRM", "SIGCHLD", "SIGPIPE", "SIGKILL", "SIGSTOP", "SIGCONT", "SIGQUIT",
         "SIGSEGV", "SIGRTMIN", "SIGRTMIN+1", "SIGRTMIN+2", "SIGRTMAX"];

    public static string? Get(Step step, string field) => field switch
    {
        "object" => step.Object,
        "data" => step.Data,
        "size" => FieldText.Of(step.Size),
        "end" => step.End,
        "bytes" => FieldText.Of(step.Bytes),
        "type" => FieldText.Of(step.Type),
        "priority" => FieldText.Of(step.Priority),
        "maxBytes" => FieldText.Of(step.MaxBytes),
        "nowait" => FieldText.Of(step.Nowait),
        "mode" => step.Mode,
        "offset" => FieldText.Of(step.Offset),
        "int32" => FieldText.Of(step.Int32),
        "length" => FieldText.Of(step.Length),
        "times" => FieldText.Of(step.Times),
        "atomic" => FieldText.Of(step.Atomic),
        "index" => FieldText.Of(step.Index),
        "count" => FieldText.Of(step.Count),
        "process" => step.Process,
        "signal" => step.Signal,
        "action" => step.Action,
        "signals" => step.Signals is null ? null : string.Join(" ", step.Signals),
        "timeoutMs" => FieldText.Of(step.TimeoutMs),
        "ms" => FieldText.Of(step.Ms),
        "code" => FieldText.Of(step.Code),
        "undo" => FieldText.Of(step.Undo),
        "create" => FieldText.Of(step.Create),
        "exclusive" => FieldText.Of(step.Exclusive),
        "value" => FieldText.Of(step.Value),
        "flags" => step.Flags is null ? null : string.Join(" ", step.Flags),
        "kind" => step.Kind,
        "path" => step.Path,
        "objects" => PollText.Of(step.Objects),
        "fd" => DescriptorText.Of(step.Fd),
        "as" => DescriptorText.Of(step.As),
        "program" => step.Program,
        "args" => step.Args is null ? null : string.Join(" ", step.Args),
        "stdin" => DescriptorText.Of(step.Stdin),
        "stdout" => DescriptorText.Of(step.Stdout),
        _ => null,
    };

    /// <summary>Sets a field from what the form holds; an empty value leaves the field out of the JSON.</summary>
    public static Step Set(Step step, string field, string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return field switch
        {
            "object" => step with { Object = text },
            "data" => step with { Data = string.IsNullOrEmpty(value) ? null : value },
            "size" => step with { Size = FieldText.Int(text) },
            "end" => step with { End = text },
            "bytes" => step with { Bytes = FieldText.Int(text) },
            "type" => step with { Type = FieldText.Long(text) },
            "priority" => step with { Priority = FieldText.Int(text) },
            "maxBytes" => step with { MaxBytes = FieldText.Int(text) },
            "nowait" => step with { Nowait = FieldText.Bool(text) },
            "mode" => step with { Mode = text },
            "offset" => step with { Offset = FieldText.Int(text) },
            "int32" => step with { Int32 = FieldText.Int(text) },
            "length" => step with { Length = FieldText.Int(text) },
            "times" => step with { Times = FieldText.Int(text) },
            "atomic" => step with { Atomic = FieldText.Bool(text) },
            "index" => step with { Index = FieldText.Int(text) },
            "count" => step with { Count = FieldText.Int(text) },
            "process" => step with { Process = text },
            "signal" => step with { Signal = text },
            "action" => step with { Action = text },
            "signals" => step with { Signals = text?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries) },
            "timeoutMs" => step with { TimeoutMs = FieldText.Int(text) },
            "ms" => step with { Ms = FieldText.Int(text) },
            "code" => step with { Code = FieldText.Int(text) },
            "undo" => step with { Undo = FieldText.Bool(text) },
            "create" => step with { Create = FieldText.Bool(text) },
            "exclusive" => step with { Exclusive = FieldText.Bool(text) },
            "value" => step with { Value = FieldText.Long(text) },
            "flags" => step with { Flags = text?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries) },
            "kind" => step with { Kind = text },
            "path" => step with { Path = text },
            "objects" => step with { Objects = PollText.Parse(text) },
            "fd" => step with { Fd = DescriptorText.Parse(text) },
            "as" => step with { As = DescriptorText.Parse(text) },
            "program" => step with { Program = text },
            // Arguments are words: a shell's quoting is not needed, since no shell reads them.
            "args" => step with { Args = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries) },
            "stdin" => step with { Stdin = DescriptorText.Parse(text) },
            "stdout" => step with { Stdout = DescriptorText.Parse(text) },
            _ => step,
        };
    }
}

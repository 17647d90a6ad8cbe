using System.Globalization;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Client.Services.Composer;

/// <summary>
/// A step's fields as form inputs: the kind of input, the choices, and reading and writing each field as text.
/// Which fields an op takes comes from <see cref="OpCatalog"/>.
/// </summary>
public static class StepFields
{
    public static readonly IReadOnlyList<string> All =
    [
        "object", "data", "size", "end", "bytes", "type", "priority", "maxBytes", "nowait", "mode", "offset", "int32",
        "length", "times", "atomic", "index", "count", "process", "signal", "action", "signals", "timeoutMs", "ms", "code", "undo",
    ];

    /// <summary>The fields a form shows for an op, required first; <c>steps</c> of a repeat is drawn as a nested list instead.</summary>
    public static IEnumerable<string> For(string? op) =>
        op is not null && OpCatalog.Specs.TryGetValue(op, out var spec)
            ? spec.Required.Concat(spec.Optional).Where(f => f != "steps")
            : [];

    public static bool IsRequired(string? op, string field) =>
        op is not null && OpCatalog.Specs.TryGetValue(op, out var spec) && spec.Required.Contains(field);

    public static FieldKind KindOf(string field) => field switch
    {
        "object" => FieldKind.ObjectRef,
        "process" => FieldKind.ProcessRef,
        "data" => FieldKind.Text,
        "end" or "mode" or "action" or "signal" => FieldKind.Choice,
        "nowait" or "atomic" or "undo" => FieldKind.Flag,
        "signals" => FieldKind.SignalList,
        _ => FieldKind.Number,
    };

    public static IReadOnlyList<string> ChoicesOf(string field, string? objectType) => field switch
    {
        "end" => objectType is null ? ["read", "write"] : OpCatalog.EndsOf(objectType),
        "mode" => ["read", "write", "read-write"],
        "action" => ["log", "ignore", "default"],
        "signal" => CommonSignals,
        _ => [],
    };

    public static readonly IReadOnlyList<string> CommonSignals =
        ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP", "SIGALRM", "SIGCHLD", "SIGPIPE", "SIGKILL", "SIGSTOP", "SIGCONT", "SIGQUIT"];

    public static string? Get(Step step, string field) => field switch
    {
        "object" => step.Object,
        "data" => step.Data,
        "size" => Text(step.Size),
        "end" => step.End,
        "bytes" => Text(step.Bytes),
        "type" => Text(step.Type),
        "priority" => Text(step.Priority),
        "maxBytes" => Text(step.MaxBytes),
        "nowait" => Flag(step.Nowait),
        "mode" => step.Mode,
        "offset" => Text(step.Offset),
        "int32" => Text(step.Int32),
        "length" => Text(step.Length),
        "times" => Text(step.Times),
        "atomic" => Flag(step.Atomic),
        "index" => Text(step.Index),
        "count" => Text(step.Count),
        "process" => step.Process,
        "signal" => step.Signal,
        "action" => step.Action,
        "signals" => step.Signals is null ? null : string.Join(" ", step.Signals),
        "timeoutMs" => Text(step.TimeoutMs),
        "ms" => Text(step.Ms),
        "code" => Text(step.Code),
        "undo" => Flag(step.Undo),
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
            "size" => step with { Size = Int(text) },
            "end" => step with { End = text },
            "bytes" => step with { Bytes = Int(text) },
            "type" => step with { Type = long.TryParse(text, CultureInfo.InvariantCulture, out var t) ? t : null },
            "priority" => step with { Priority = Int(text) },
            "maxBytes" => step with { MaxBytes = Int(text) },
            "nowait" => step with { Nowait = Bool(text) },
            "mode" => step with { Mode = text },
            "offset" => step with { Offset = Int(text) },
            "int32" => step with { Int32 = Int(text) },
            "length" => step with { Length = Int(text) },
            "times" => step with { Times = Int(text) },
            "atomic" => step with { Atomic = Bool(text) },
            "index" => step with { Index = Int(text) },
            "count" => step with { Count = Int(text) },
            "process" => step with { Process = text },
            "signal" => step with { Signal = text },
            "action" => step with { Action = text },
            "signals" => step with { Signals = text?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries) },
            "timeoutMs" => step with { TimeoutMs = Int(text) },
            "ms" => step with { Ms = Int(text) },
            "code" => step with { Code = Int(text) },
            "undo" => step with { Undo = Bool(text) },
            _ => step,
        };
    }

    private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);
    private static string? Flag(bool? value) => value is null ? null : value.Value ? "true" : "false";
    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
    private static bool? Bool(string? text) => text switch { "true" => true, "false" => false, _ => null };
}

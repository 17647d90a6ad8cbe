namespace IpcPlayground.Contracts.Experiments;

/// <summary>The value ranges of step fields, whatever the op.</summary>
internal static class StepFieldRules
{
    private static readonly string[] Ends = ["read", "write", "first", "second"];
    private static readonly string[] Modes = ["read", "write", "read-write"];
    private static readonly string[] Actions = [.. SignalActions.All];
    private static readonly string[] Faults = [.. FaultKinds.All];

    public static void Check(Step step, string path, SizeCaps caps, Action<string, string> error)
    {
        if (step.Data is { Length: > ExperimentValidator.MaxDataLength })
            error($"{path}.data", $"data is at most {ExperimentValidator.MaxDataLength} characters");
        if (step.Op == Ops.Send && step.Data is { } message && System.Text.Encoding.UTF8.GetByteCount(message) > caps.MaxMessageBytes)
            error($"{path}.data", $"a message is at most {caps.MaxMessageBytes} bytes on this server");
        Range(step.Size, 1, step.Op == Ops.Store ? caps.MaxShmBytes : caps.MaxWriteBytes, $"{path}.size", error);
        Range(step.Bytes, 1, ExperimentValidator.MaxReadBytes, $"{path}.bytes", error);
        Range(step.MaxBytes, 1, ExperimentValidator.MaxReadBytes, $"{path}.maxBytes", error);
        Range(step.Priority, 0, 32767, $"{path}.priority", error);
        Range(step.Offset, 0, caps.MaxShmBytes - 1, $"{path}.offset", error);
        Range(step.Length, 1, 65536, $"{path}.length", error);
        // An increment loop is one step however long; a repeat multiplies steps and events.
        Range(step.Times, 1, step.Op == Ops.Increment ? 100_000_000 : 1_000_000, $"{path}.times", error);
        Range(step.Index, 0, 31, $"{path}.index", error);
        Range(step.Count, 1, 32767, $"{path}.count", error);
        Range(step.TimeoutMs, 0, 600_000, $"{path}.timeoutMs", error);
        Range(step.Ms, 0, 600_000, $"{path}.ms", error);
        Range(step.Code, 0, 255, $"{path}.code", error);
        // sigqueue carries an int; an eventfd write adds an unsigned 64-bit value (here up to 2^63 - 1).
        if (step.Op == Ops.Signal) Range(step.Value, int.MinValue, int.MaxValue, $"{path}.value", error);
        else Range(step.Value, 0, long.MaxValue, $"{path}.value", error);
        if (step.Flags is { } flags)
        {
            for (var i = 0; i < flags.Count; i++)
                if (!SignalFlags.All.Contains(flags[i]))
                    error($"{path}.flags[{i}]", $"'{flags[i]}' is not one of " + string.Join(", ", SignalFlags.All));
            if (flags.Count > 0 && step.Action is not null && step.Action != SignalActions.Log)
                error($"{path}.flags", "flags change how a handler runs: they apply to action \"log\"");
        }
        if (step is { Exclusive: true, Create: false })
            error($"{path}.exclusive", "exclusive (IPC_EXCL, O_EXCL) only means something with create: set create to true or leave it out");
        OneOf(step.End, Ends, $"{path}.end", error);
        OneOf(step.Mode, Modes, $"{path}.mode", error);
        OneOf(step.Action, Actions, $"{path}.action", error);
        OneOf(step.Kind, Faults, $"{path}.kind", error);
        if (step.Path is { } file && SandboxPaths.Problem(file) is { } problem)
            error($"{path}.path", problem);
        if (step.Signal is not null && !SignalNames.Numbers.ContainsKey(step.Signal))
            error($"{path}.signal", $"unknown signal '{step.Signal}' (write it as \"SIGUSR1\")");
        if (step.Signals is { } signals)
        {
            if (signals.Count == 0) error($"{path}.signals", "name at least one signal");
            for (var i = 0; i < signals.Count; i++)
                if (signals[i] is null || !SignalNames.Numbers.ContainsKey(signals[i]))
                    error($"{path}.signals[{i}]", $"unknown signal '{signals[i]}' (write it as \"SIGUSR1\")");
                else if (signals[i] == SignalNames.RuntimeReserved && step.Op is Ops.Block or Ops.WaitSignal)
                    error($"{path}.signals[{i}]",
                        "SIGRTMIN cannot be blocked or waited for here: the worker's .NET runtime keeps it deliverable to its own threads; use SIGRTMIN+1 to SIGRTMAX");
        }
    }

    private static void Range(long? value, long min, long max, string path, Action<string, string> error)
    {
        if (value is { } v && (v < min || v > max))
            error(path, $"{path[(path.LastIndexOf('.') + 1)..]} is from {min} to {max}");
    }

    private static void OneOf(string? value, string[] allowed, string path, Action<string, string> error)
    {
        if (value is not null && !allowed.Contains(value))
            error(path, $"'{value}' is not one of " + string.Join(", ", allowed));
    }
}

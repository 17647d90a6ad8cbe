namespace IpcPlayground.Fidelity.Traces;

/// <summary>What one process did, in the normalised form: its steps in order, the signals that reached it in order, and how it ended.</summary>
public sealed class ProcessTrace
{
    public List<string> Steps { get; } = [];
    public List<string> Signals { get; } = [];
    public string? End { get; set; }

    /// <summary>What an exec'd program wrote, by stream, all of it: how the two sides cut it into reads does not matter.</summary>
    public SortedDictionary<string, List<byte>> Output { get; } = new(StringComparer.Ordinal);

    public void AddOutput(string stream, ReadOnlySpan<byte> data)
    {
        if (!Output.TryGetValue(stream, out var bytes)) Output[stream] = bytes = [];
        bytes.AddRange(data);
    }

    /// <summary>The output as the trace shows it: <c>stdout=...</c> per stream (<see cref="TraceData"/>).</summary>
    public string OutputText => string.Join(' ', Output.Select(o => $"{o.Key}={TraceData.Encode(o.Value.ToArray())}"));
}

/// <summary>
/// A run, or its C program, as the oracle compares them: per process, because processes that do not synchronise run
/// in no fixed order; plus how the whole run ended.
/// </summary>
public sealed class ExperimentTrace
{
    public SortedDictionary<string, ProcessTrace> Processes { get; } = new(StringComparer.Ordinal);

    /// <summary><c>completed</c>, <c>timeout</c> ... as <c>run-end</c> says, or null if the trace never said.</summary>
    public string? Status { get; set; }

    /// <summary>What concerns the run but no process: limits hit, failures of the runtime.</summary>
    public List<string> RunNotes { get; } = [];

    public ProcessTrace Process(string id)
    {
        if (!Processes.TryGetValue(id, out var trace)) Processes[id] = trace = new ProcessTrace();
        return trace;
    }

    /// <summary>The trace as text, a process at a time, for reports and files.</summary>
    public override string ToString()
    {
        var lines = new List<string> { $"run {Status ?? "(no end)"}" };
        lines.AddRange(RunNotes);
        foreach (var (id, process) in Processes)
        {
            lines.AddRange(process.Steps.Select(s => $"[{id}] step {s}"));
            lines.AddRange(process.Signals.Select(s => $"[{id}] signal {s}"));
            if (process.Output.Count > 0) lines.Add($"[{id}] output {process.OutputText}");
            lines.Add($"[{id}] exit {process.End ?? "(none)"}");
        }
        return string.Join('\n', lines);
    }
}

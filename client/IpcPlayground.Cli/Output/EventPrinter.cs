using System.Globalization;
using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;

namespace IpcPlayground.Cli.Output;

/// <summary>Prints events as NDJSON (one contract event a line, as the server streams them) or as an aligned table.</summary>
public sealed class EventPrinter(TextWriter output, bool table)
{
    private bool _headerWritten;

    public void Print(RunEvent e)
    {
        if (!table)
        {
            output.WriteLine(JsonSerializer.Serialize(e, ContractsJsonContext.Default.RunEvent));
            return;
        }
        if (!_headerWritten)
        {
            output.WriteLine($"{"seq",4}  {"t (ms)",9}  {"process",-10} {"kind",-13} {"step",-22} what");
            _headerWritten = true;
        }
        var t = (e.TNs / 1e6).ToString("F3", CultureInfo.InvariantCulture);
        var step = e is StepEvent s ? $"{s.Op} {s.Object ?? s.Target ?? s.Signal}".Trim() : "";
        output.WriteLine($"{e.Seq,4}  {t,9}  {e.Process ?? "",-10} {e.Kind,-13} {Clip(step, 22),-22} {Describe(e)}");
    }

    private static string Describe(RunEvent e) => e switch
    {
        RunStartEvent start => $"sandbox {start.Sandbox}, timeout {start.TimeoutMs} ms",
        ProcessStartEvent start => start.Parent is null ? $"pid {start.Pid}" : $"pid {start.Pid}, child of {start.Parent}",
        SyscallEvent call => Clip(string.Join(", ", new[]
        {
            call.Errno is { } errno ? $"= -1 {errno}" : $"= {call.Result}",
            call.Data is { } data ? $"\"{data.ReplaceLineEndings("\\n")}\"" : null,
            call.Value is { } value ? $"value {value}" : null,
            call.Type is { } type ? $"type {type}" : null,
        }.Where(x => x is not null)), 60),
        BlockedEvent blocked => $"blocked in {blocked.Call}" + (blocked.Wchan is { } w ? $" ({w})" : ""),
        SignalEvent signal => $"{signal.Signal} {signal.Disposition}",
        PausedEvent paused => "held" + (paused.Phase is { } phase ? $" before its {phase}" : ""),
        StateEvent state => $"{state.Object ?? "process"}: {Clip(state.State?.GetRawText() ?? "", 60)}",
        ProcessExitEvent exit => exit.Signal is { } by ? $"killed by {by}" : $"exit {exit.ExitCode}",
        LimitEvent limit => $"{limit.Limit}: {limit.Message}",
        ErrorEvent error => error.Message ?? "",
        RunEndEvent end => end.Status + (end.Message is { } m ? $": {m}" : ""),
        _ => "",
    };

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}

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

    private static string Describe(RunEvent e) => e.EventKind switch
    {
        EventKind.RunStart => ((RunStartEvent)e) is var start ? $"sandbox {start.Sandbox}, timeout {start.TimeoutMs} ms" : "",
        EventKind.ProcessStart => ((ProcessStartEvent)e).Parent is { } parent ? $"pid {e.Pid}, child of {parent}" : $"pid {e.Pid}",
        EventKind.Syscall => Syscall((SyscallEvent)e),
        EventKind.Blocked => ((BlockedEvent)e) is var blocked ? $"blocked in {blocked.Call}" + (blocked.Wchan is { } w ? $" ({w})" : "") : "",
        EventKind.Signal => ((SignalEvent)e) is var signal
            ? $"{signal.Signal} {signal.Disposition}" + (signal.Code is { } code ? $" ({code}" + (signal.Sender is { } from ? $" from {from}" : "") + (signal.Value is { } sent ? $", value {sent}" : "") + ")" : "")
            : "",
        EventKind.Paused => "held" + (((PausedEvent)e).Phase is { } phase ? $" before its {phase}" : ""),
        EventKind.State => ((StateEvent)e) is var state ? $"{state.Object ?? "process"}: {Clip(state.State is { } kernel ? JsonSerializer.Serialize(kernel, ContractsJsonContext.Default.KernelState) : "", 60)}" : "",
        EventKind.ProcessExit => ((ProcessExitEvent)e) is { Signal: { } by } exit ? $"killed by {by}" + (exit.Core == true ? " (core)" : "") : $"exit {((ProcessExitEvent)e).ExitCode}",
        EventKind.Limit => ((LimitEvent)e) is var limit ? $"{limit.Limit}: {limit.Message}" : "",
        EventKind.Error => ((ErrorEvent)e).Message ?? "",
        EventKind.Output => ((OutputEvent)e) is var output ? $"{output.Stream}: " + Clip((output.Data ?? $"[{output.DataBase64?.Length * 3 / 4} bytes]").ReplaceLineEndings("\\n"), 60) : "",
        EventKind.RunEnd => ((RunEndEvent)e) is var end ? end.Status + (end.Message is { } m ? $": {m}" : "") : "",
        EventKind.Question => ((QuestionEvent)e) is var q ? $"{q.About}? " + string.Join(" | ", (q.Choices ?? []).Select(c => c.Choice)) : "",
        EventKind.Answer => ((AnswerEvent)e) is var a ? $"predicted {a.About}: {a.Choice}" : "",
        EventKind.Outcome => ((OutcomeEvent)e) is var o
            ? (o.Correct switch { true => "right", false => "wrong", null => "unanswered" }) + $": {o.Actual ?? "not shown"} — {o.Explanation}"
            : "",
    };

    private static string Syscall(SyscallEvent call) => Clip(string.Join(", ", new[]
    {
        call.Errno is { } errno ? $"= -1 {errno}" + (call.ErrnoText is { } meaning ? $" ({meaning})" : "") : $"= {call.Result}",
        call.Data is { } data ? $"\"{data.ReplaceLineEndings("\\n")}\"" : null,
        call.Value is { } value ? $"value {value}" : null,
        call.Type is { } type ? $"type {type}" : null,
        call.Fd is { } fd ? $"descriptor {fd} arrived" : null,
        call.Ready is { Count: > 0 } ready ? "ready " + string.Join(" ", ready.Select(r => $"{r.Object}:{string.Join('+', r.Events ?? [])}")) : null,
        call.File is { } file ? (call.Path is { } path ? path + " " : "") + (file.Mode is null ? file.Type : $"{file.Type} {file.Mode}, {file.Nlink} link(s), {file.Size} bytes") : null,
    }.Where(x => x is not null)), 60);

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}

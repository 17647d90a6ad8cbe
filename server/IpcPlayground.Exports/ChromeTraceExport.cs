using System.Text.Json;
using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Exports;

/// <summary>
/// A run as Chrome trace-event JSON (opens in Perfetto and chrome://tracing): one track per process, each system
/// call a slice from its start to its return (so a blocked call is a long slice), signals, pauses, limits and errors
/// as instants, and run-start/run-end on a track of their own.
/// </summary>
public static class ChromeTraceExport
{
    private const int RunTrack = 0;

    public static byte[] Write(IReadOnlyList<RunEvent> events)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("displayTimeUnit", "ns");
            json.WriteStartArray("traceEvents");
            WriteTracks(json, events);
            foreach (var e in events) WriteEvent(json, e);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteTracks(Utf8JsonWriter json, IReadOnlyList<RunEvent> events)
    {
        Metadata(json, RunTrack, "process_name", "run");
        foreach (var start in events.OfType<ProcessStartEvent>())
        {
            var pid = start.Pid ?? 0;
            Metadata(json, pid, "process_name", start.Process ?? $"pid {pid}");
            Metadata(json, pid, "thread_name", start.Parent is null ? "root" : $"child of {start.Parent}");
        }
    }

    private static void Metadata(Utf8JsonWriter json, int pid, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("ph", "M");
        json.WriteString("name", name);
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", pid);
        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter json, RunEvent e)
    {
        switch (e.EventKind)
        {
            case EventKind.Syscall:
                var call = (SyscallEvent)e;
                var duration = call.DurationNs ?? 0;
                Begin(json, call, Label(call), "X", (call.TNs - duration) / 1000.0);
                json.WriteNumber("dur", duration / 1000.0);
                json.WriteStartObject("args");
                if (call.Result is { } result) json.WriteNumber("result", result);
                if (call.Errno is { } errno) json.WriteString("errno", errno);
                if (call.Data is { } data) json.WriteString("data", data.Length <= 200 ? data : data[..200] + "…");
                if (call.Value is { } value) json.WriteNumber("value", value);
                if (call.Step is { } step) json.WriteString("step", step);
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case EventKind.Signal:
                var signal = (SignalEvent)e;
                Instant(json, signal, $"{signal.Signal} {signal.Disposition}");
                break;
            case EventKind.Paused:
                var paused = (PausedEvent)e;
                Instant(json, paused, $"held before {Label(paused)}{(paused.Phase is { } phase ? $" ({phase})" : "")}");
                break;
            case EventKind.ProcessExit:
                var exit = (ProcessExitEvent)e;
                Instant(json, exit, exit.Signal is { } by ? $"killed by {by}" : $"exit {exit.ExitCode}");
                break;
            case EventKind.Limit:
                Instant(json, e, $"limit: {((LimitEvent)e).Limit}", RunTrack);
                break;
            case EventKind.Error:
                Instant(json, e, $"error: {((ErrorEvent)e).Message}", e.Pid ?? RunTrack);
                break;
            case EventKind.RunStart:
                Instant(json, e, "run-start", RunTrack);
                break;
            case EventKind.RunEnd:
                Instant(json, e, $"run-end {((RunEndEvent)e).Status}", RunTrack);
                break;
            case EventKind.Output:
                var output = (OutputEvent)e;
                var written = output.Data ?? $"[{(output.DataBase64?.Length ?? 0) * 3 / 4} bytes]";
                Instant(json, output, $"{output.Stream}: {(written.Length <= 80 ? written : written[..80] + "…")}");
                break;
            case EventKind.Question:
                var question = (QuestionEvent)e;
                Instant(json, question, $"asked: {question.About} of {question.Op} ({string.Join(" | ", (question.Choices ?? []).Select(c => c.Choice))})");
                break;
            case EventKind.Answer:
                var answer = (AnswerEvent)e;
                Instant(json, answer, $"predicted {answer.About}: {answer.Choice}");
                break;
            case EventKind.Outcome:
                var outcome = (OutcomeEvent)e;
                Instant(json, outcome, $"{(outcome.Correct == true ? "right" : outcome.Correct == false ? "wrong" : "unanswered")}: {outcome.Actual ?? "not shown"} — {outcome.Explanation}");
                break;
            // A process start is its track (WriteTracks); a wait is the call's slice, which spans it; kernel state is
            // not a moment of a process.
            case EventKind.ProcessStart or EventKind.Blocked or EventKind.State:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.EventKind, "an event kind the trace export does not know");
        }
    }

    private static string Label(StepEvent e) => $"{e.Op} {e.Object ?? e.Target ?? e.Signal}".TrimEnd();

    private static void Begin(Utf8JsonWriter json, RunEvent e, string name, string phase, double tsMicros, int? pid = null)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", e.Kind);
        json.WriteString("ph", phase);
        json.WriteNumber("ts", Math.Max(0, tsMicros));
        json.WriteNumber("pid", pid ?? e.Pid ?? RunTrack);
        json.WriteNumber("tid", pid ?? e.Pid ?? RunTrack);
    }

    private static void Instant(Utf8JsonWriter json, RunEvent e, string name, int? pid = null)
    {
        Begin(json, e, name, "i", e.TNs / 1000.0, pid);
        json.WriteString("s", "t");
        json.WriteEndObject();
    }
}

using System.Globalization;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Client.Services;

/// <summary>How an event reads in one line of the timeline list.</summary>
public static class EventText
{
    public static string Time(RunEvent e) => (e.TNs / 1_000_000.0).ToString("0.000", CultureInfo.InvariantCulture) + " ms";

    public static string Describe(RunEvent e) => e.EventKind switch
    {
        EventKind.RunStart => RunStart((RunStartEvent)e),
        EventKind.ProcessStart => ((ProcessStartEvent)e).Parent is { } parent ? $"started by {parent}" : "started",
        EventKind.Syscall => Syscall((SyscallEvent)e),
        EventKind.Blocked => Blocked((BlockedEvent)e),
        EventKind.Signal => Signal((SignalEvent)e),
        EventKind.State => State((StateEvent)e),
        EventKind.Paused => Paused((PausedEvent)e),
        EventKind.ProcessExit => ((ProcessExitEvent)e) is { Signal: { } by } exit
            ? $"killed by {by}" + (exit.Core == true ? " (its default action dumps core)" : "")
            : $"exited with code {((ProcessExitEvent)e).ExitCode}",
        EventKind.Limit => $"limit hit: {((LimitEvent)e).Limit} {((LimitEvent)e).Message}",
        EventKind.Error => ((ErrorEvent)e).Message ?? "error",
        EventKind.RunEnd => ((RunEndEvent)e) is var end && end.Message is null ? $"run {end.Status}" : $"run {end.Status}: {end.Message}",
        EventKind.Output => ((OutputEvent)e) is var output
            ? $"wrote to {output.Stream}: " + (output.Data is { } text ? $"\"{Shorten(text.ReplaceLineEndings("\\n"))}\"" : $"[{(output.DataBase64?.Length ?? 0) * 3 / 4} bytes, binary]")
            : "",
    };

    private static string RunStart(RunStartEvent s) => $"run started in {s.Sandbox} sandbox (timeout {s.TimeoutMs} ms)";

    private static string Blocked(BlockedEvent b) => $"blocked in {b.Call}({b.Object ?? b.Target})" + (b.Wchan is null ? "" : $" — kernel: {b.Wchan}");

    private static string Paused(PausedEvent p) => $"held before {p.Op}({p.Object ?? p.Target})" + (p.Phase is null ? "" : $" [{p.Phase}]");

    private static string Signal(SignalEvent s) => s.Disposition switch
    {
        SignalDispositions.Handled => $"{s.Signal} delivered: the handler ran",
        SignalDispositions.Pending => $"{s.Signal} is pending (blocked by the mask)",
        SignalDispositions.Merged => $"{s.Signal} merged into the one already pending (it will be delivered once)",
        SignalDispositions.Ignored => $"{s.Signal} discarded (ignored)",
        SignalDispositions.Waited => $"{s.Signal} taken by sigtimedwait",
        _ => $"{s.Signal}: default action",
    } + Origin(s);

    /// <summary>Who sent it and how, as siginfo tells: " — from alice by sigqueue, value 7 (SI_QUEUE)".</summary>
    private static string Origin(SignalEvent s)
    {
        if (s.Code is null && s.Sender is null) return "";
        var how = s.Code switch { "SI_USER" => " by kill", "SI_QUEUE" => " by sigqueue", "SI_KERNEL" => " by the kernel", _ => "" };
        return " —" + (s.Sender is null ? "" : $" from {s.Sender}") + how + (s.Value is { } value ? $", value {value}" : "") + (s.Code is { } code ? $" ({code})" : "");
    }

    private static string State(StateEvent e)
    {
        if (e.State is not { } kernel) return "state";
        var state = System.Text.Json.JsonSerializer.SerializeToElement(kernel, IpcPlayground.Contracts.Json.ContractsJsonContext.Default.KernelState);
        var parts = state.EnumerateObject()
            .Where(p => p.Name != "type" && (p.Value.ValueKind != System.Text.Json.JsonValueKind.Array || p.Value.GetArrayLength() > 0))
            .Select(p => $"{p.Name}={Short(p.Value)}");
        return (e.Object is null ? "process " : $"{e.Object}: ") + string.Join(" ", parts);
    }

    private static string Short(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>Long data (a 4096-byte read) reads as its start and its length, so one event stays one line.</summary>
    public static string Shorten(string data, int keep = 80) =>
        data.Length <= keep ? data : $"{data[..keep]}… ({data.Length} chars)";

    private static string Syscall(SyscallEvent s)
    {
        var target = s.Object ?? s.Target ?? s.Path;
        var call = $"{s.Op}({target}{(s.Signal is null ? "" : ", " + s.Signal)}) = {s.Result}";
        if (s.Errno is not null) call += s.ErrnoText is { } meaning ? $" {s.Errno} ({meaning})" : $" {s.Errno}";
        // A 4-byte load is an int32: its value says what the bytes mean (they are rarely printable).
        if (s is { Op: Ops.Load, Value: { } loaded }) call += $" → {loaded}";
        else if (s.Data is not null) call += $" \"{Shorten(s.Data)}\"";
        else if (s.DataBase64 is not null) call += $" [{s.DataBase64.Length * 3 / 4} bytes, binary]";
        if (s.Type is not null) call += $" [type {s.Type}]";
        if (s.Priority is not null) call += $" [priority {s.Priority}]";
        if (s.Value is not null && s.Data is null && s.Op != Ops.Load) call += $" → {s.Value}";
        if (s.ExitCode is not null) call += $" (exit {s.ExitCode})";
        if (s.TermSignal is not null) call += $" ({s.TermSignal})";
        if (s.Ready is { Count: > 0 } ready)
            call += " — ready: " + string.Join(", ", ready.Select(r => $"{r.Object} ({string.Join(" ", r.Events ?? [])})"));
        if (s.Op == Ops.Exec && s.Path is { } program) call = $"execve({program}) — the process is that program from now on";
        if (s.Op == Ops.ReceiveFd && s.Result >= 0)
            call += s.Fd is { } fd ? $" — descriptor {fd} arrived" : " — no descriptor came with it";
        if (s.File is { } file)
            call += file.Type == FileTypes.Missing ? " — no such file" : $" — {file.Type}, mode {file.Mode}, {file.Nlink} link(s), {file.Size} bytes";
        return call;
    }
}

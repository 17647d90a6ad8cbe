using System.Globalization;
using IpcPlayground.Client.Localization;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Predictions;

namespace IpcPlayground.Client.Services;

/// <summary>How an event reads in one line of the timeline list, in the page's language (<see cref="EventWords"/>).</summary>
public static class EventText
{
    public static string Time(RunEvent e) => (e.TNs / 1_000_000.0).ToString("0.000", CultureInfo.InvariantCulture) + " ms";

    public static string Describe(RunEvent e) => Describe(e, EventWords.English);

    public static string Describe(RunEvent e, EventWords w) => e.EventKind switch
    {
        EventKind.RunStart => ((RunStartEvent)e) is var start ? w.RunStarted(start.Sandbox, start.TimeoutMs) : "",
        EventKind.ProcessStart => ((ProcessStartEvent)e).Parent is { } parent ? w.StartedBy(parent) : w.Started,
        EventKind.Syscall => Syscall((SyscallEvent)e, w),
        EventKind.Blocked => ((BlockedEvent)e) is var b ? w.BlockedIn(b.Call, b.Object ?? b.Target, b.Wchan) : "",
        EventKind.Signal => Signal((SignalEvent)e, w),
        EventKind.State => State((StateEvent)e, w),
        EventKind.Paused => ((PausedEvent)e) is var p ? w.HeldBefore(p.Op, p.Object ?? p.Target, p.Phase) : "",
        EventKind.ProcessExit => ((ProcessExitEvent)e) is { Signal: { } by } exit ? w.KilledBy(by, exit.Core == true) : w.ExitedWith(((ProcessExitEvent)e).ExitCode),
        EventKind.Limit => w.LimitHit(((LimitEvent)e).Limit, ((LimitEvent)e).Message),
        EventKind.Error => ((ErrorEvent)e).Message ?? w.Error,
        EventKind.RunEnd => ((RunEndEvent)e) is var end ? w.RunEnded(end.Status ?? "", end.Message) : "",
        EventKind.Output => ((OutputEvent)e) is var output
            ? w.WroteTo(output.Stream) + (output.Data is { } text ? $"\"{Shorten(text.ReplaceLineEndings("\\n"))}\"" : w.BinaryBytes((output.DataBase64?.Length ?? 0) * 3 / 4))
            : "",
        EventKind.Question => Question((QuestionEvent)e, w),
        EventKind.Answer => ((AnswerEvent)e) is var a ? $"{w.Predict.YouSaid}: {w.Predict.Choice(a.Choice ?? "")}" : "",
        EventKind.Outcome => Outcome((OutcomeEvent)e, w),
    };

    private static string Question(QuestionEvent q, EventWords w) =>
        $"{w.Asks}: " + (PredictionAbouts.Parse(q.About) is { } about ? w.Predict.Prompt(about, q.Call ?? q.Op ?? "", q.Object ?? q.Target) : q.About);

    /// <summary>"right — the kernel: blocks — the pipe held 0 bytes …", in the page's language when the reason is known.</summary>
    public static string Outcome(OutcomeEvent o, EventWords w)
    {
        var verdict = o.Correct switch { true => w.Predict.Right, false => w.Predict.Wrong, null => w.Predict.NotAnswered };
        var actual = o.Actual is null ? "" : $" — {w.Predict.TheKernel}: {w.Predict.Choice(o.Actual)}";
        return $"{verdict}{actual} — {Explanation(o, w)}";
    }

    public static string Explanation(OutcomeEvent o, EventWords w) =>
        ExplanationReasons.Parse(o.Reason) is { } reason && o.Facts is { } facts ? w.Predict.Explain(reason, facts) : o.Explanation ?? "";

    private static string Signal(SignalEvent s, EventWords w) => s.Disposition switch
    {
        SignalDispositions.Handled => w.SignalHandled(s.Signal),
        SignalDispositions.Pending => w.SignalPending(s.Signal),
        SignalDispositions.Merged => w.SignalMerged(s.Signal),
        SignalDispositions.Ignored => w.SignalIgnored(s.Signal),
        SignalDispositions.Waited => w.SignalWaited(s.Signal),
        _ => w.SignalDefault(s.Signal),
    } + Origin(s, w);

    /// <summary>Who sent it and how, as siginfo tells: " — from alice by sigqueue, value 7 (SI_QUEUE)".</summary>
    private static string Origin(SignalEvent s, EventWords w)
    {
        if (s.Code is null && s.Sender is null) return "";
        var how = s.Code switch { "SI_USER" => " " + w.ByKill, "SI_QUEUE" => " " + w.BySigqueue, "SI_KERNEL" => " " + w.ByKernel, _ => "" };
        return " —" + (s.Sender is null ? "" : $" {w.From} {s.Sender}") + how + (s.Value is { } value ? $", {w.Value} {value}" : "") + (s.Code is { } code ? $" ({code})" : "");
    }

    private static string State(StateEvent e, EventWords w)
    {
        if (e.State is not { } kernel) return "state";
        var state = System.Text.Json.JsonSerializer.SerializeToElement(kernel, IpcPlayground.Contracts.Json.ContractsJsonContext.Default.KernelState);
        var parts = state.EnumerateObject()
            .Where(p => p.Name != "type" && (p.Value.ValueKind != System.Text.Json.JsonValueKind.Array || p.Value.GetArrayLength() > 0))
            .Select(p => $"{p.Name}={Short(p.Value)}");
        return (e.Object is null ? w.Process + " " : $"{e.Object}: ") + string.Join(" ", parts);
    }

    private static string Short(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>Long data (a 4096-byte read) reads as its start and its length, so one event stays one line.</summary>
    public static string Shorten(string data, int keep = 80) =>
        data.Length <= keep ? data : $"{data[..keep]}… ({data.Length})";

    private static string Syscall(SyscallEvent s, EventWords w)
    {
        if (s is { Op: Ops.Exec, Result: >= 0, Path: { } program }) return w.Execve(program);
        var target = s.Object ?? s.Target ?? s.Path;
        var call = $"{s.Op}({target}{(s.Signal is null ? "" : ", " + s.Signal)}) = {s.Result}";
        if (s.Errno is not null) call += s.ErrnoText is { } meaning ? $" {s.Errno} ({meaning})" : $" {s.Errno}";
        // A 4-byte load is an int32: its value says what the bytes mean (they are rarely printable).
        if (s is { Op: Ops.Load, Value: { } loaded }) call += $" → {loaded}";
        else if (s.Data is not null) call += $" \"{Shorten(s.Data)}\"";
        else if (s.DataBase64 is not null) call += " " + w.BinaryBytes(s.DataBase64.Length * 3 / 4);
        if (s.Type is not null) call += $" [{w.Type} {s.Type}]";
        if (s.Priority is not null) call += $" [{w.Priority} {s.Priority}]";
        if (s.Value is not null && s.Data is null && s.Op != Ops.Load) call += $" → {s.Value}";
        if (s.ExitCode is not null) call += $" ({w.Exit} {s.ExitCode})";
        if (s.TermSignal is not null) call += $" ({s.TermSignal})";
        if (s.Ready is { Count: > 0 } ready)
            call += $" — {w.Ready}: " + string.Join(", ", ready.Select(r => $"{r.Object} ({string.Join(" ", r.Events ?? [])})"));
        if (s.Op == Ops.ReceiveFd && s.Result >= 0)
            call += s.Fd is { } fd ? w.DescriptorArrived(fd) : w.NoDescriptor;
        if (s.File is { } file)
            call += file.Type == FileTypes.Missing ? w.NoSuchFile : w.FileFacts(file.Type, file.Mode, file.Nlink, file.Size);
        return call;
    }
}

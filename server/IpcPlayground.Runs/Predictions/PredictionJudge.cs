using System.Globalization;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Predictions;
using F = IpcPlayground.Contracts.Predictions.ExplanationFacts;

namespace IpcPlayground.Runs.Predictions;

/// <summary>
/// What a call actually did, in the words of the choices, read from the real call's events — never from a model of
/// the kernel — and the reason the explanation gives, checked against the state the call was reasoned from.
/// </summary>
internal static class PredictionJudge
{
    public static string OutcomeOf(SyscallEvent call, string? objectType)
    {
        if (call.Errno is { } errno) return PredictionChoices.Fails(errno);
        var reads = call.Op is Ops.Read || (call.Op is Ops.Receive && Mechanisms.Named(objectType)?.Transfer == Transfer.ByteStream);
        return reads && call.Result == 0 && Mechanisms.Named(objectType)?.Transfer != Transfer.Counter ? PredictionChoices.Eof : PredictionChoices.Returns;
    }

    public static string? ValueOf(SyscallEvent call) => call.Value is { } value ? PredictionChoices.Value(value) : null;

    public static string WakesOf(IReadOnlyList<string> candidates, IReadOnlyList<string>? woke)
    {
        var woken = candidates.Where(c => woke?.Contains(c) == true).ToList();
        return woken.Count switch
        {
            0 => PredictionChoices.Nobody,
            1 => PredictionChoices.Wakes(woken[0]),
            _ when woken.Count == candidates.Count => PredictionChoices.WakesAll,
            _ => PredictionChoices.Wakes(woken[0]),
        };
    }

    /// <summary>The reason for <paramref name="actual"/>, adding to <paramref name="facts"/> what the call itself told.</summary>
    public static ExplanationReason Reason(PredictionAbout about, string? actual, string op, string? objectType, Dictionary<string, string> facts, SyscallEvent? call)
    {
        if (actual is null) return ExplanationReason.NotShown;
        switch (about)
        {
            case PredictionAbout.Value:
                facts[F.Value] = PredictionChoices.ValueOf(actual) ?? "?";
                return ExplanationReason.ValueReturned;
            case PredictionAbout.Wakes:
                if (actual == PredictionChoices.Nobody) return ExplanationReason.WokeNobody;
                facts[F.Woken] = PredictionChoices.WokenOf(actual) ?? string.Join(", ", call?.Woke ?? []);
                return ExplanationReason.Woke;
        }
        var pipe = objectType is ObjectTypes.Pipe or ObjectTypes.Fifo;
        var sysvQueue = objectType == ObjectTypes.SysvMsgQueue;
        var kind = Ops.KindOf(op);
        if (PredictionChoices.SignalOf(actual) is { } signal)
        {
            facts[F.Signal] = signal;
            return kind == OpKind.Write && signal == "SIGPIPE" ? ExplanationReason.WriteNoReadersKilled : ExplanationReason.Killed;
        }
        if (PredictionChoices.ErrnoOf(actual) is { } errno)
        {
            facts[F.Errno] = errno;
            if (call?.ErrnoText is { } text) facts[F.ErrnoText] = text;
            return kind == OpKind.Write && errno == "EPIPE" ? ExplanationReason.WriteNoReadersFailed : ExplanationReason.Failed;
        }
        var has = (string key) => facts.ContainsKey(key);
        var writersHeld = facts.TryGetValue(F.Writers, out var writers) && writers.Length > 0;
        var blocked = actual == PredictionChoices.Blocks;
        if (actual == PredictionChoices.Eof)
            return pipe && has(F.Writers) && !writersHeld ? ExplanationReason.ReadEmptyNoWriters : ExplanationReason.Returned;
        return (kind, blocked) switch
        {
            (OpKind.Read, true) when pipe && writersHeld && Is(facts, F.Buffered, 0) => ExplanationReason.ReadEmptyWriters,
            (OpKind.Read, false) when pipe && Positive(facts, F.Buffered) => ExplanationReason.ReadData,
            (OpKind.Write, true) when pipe && Room(facts) < 0 => ExplanationReason.WriteFull,
            (OpKind.Write, false) when pipe && Room(facts) >= 0 => ExplanationReason.WriteRoom,
            (OpKind.Send, true) when sysvQueue && has(F.Bytes) && has(F.MaxBytes) => ExplanationReason.QueueFull,
            (OpKind.Send, false) when sysvQueue && has(F.Bytes) && has(F.MaxBytes) => ExplanationReason.QueueRoom,
            (OpKind.Receive, true) when has(F.Messages) && objectType is ObjectTypes.SysvMsgQueue or ObjectTypes.PosixMsgQueue => ExplanationReason.QueueEmpty,
            (OpKind.Receive, false) when Positive(facts, F.Messages) => ExplanationReason.QueueMessage,
            (OpKind.SemWait, true) when has(F.Value) => ExplanationReason.SemaphoreZero,
            (OpKind.SemWait, false) when Positive(facts, F.Value) => ExplanationReason.SemaphoreTaken,
            (OpKind.Wait, true) => ExplanationReason.ChildRunning,
            (OpKind.Wait, false) => ExplanationReason.ChildExited,
            (_, true) => ExplanationReason.Slept,
            _ => ExplanationReason.Returned,
        };
    }

    /// <summary>Capacity less what was buffered less what the write adds; null when the state did not say.</summary>
    private static long? Room(Dictionary<string, string> facts) =>
        Number(facts, F.Capacity) is { } capacity && Number(facts, F.Buffered) is { } buffered && Number(facts, F.Size) is { } size ? capacity - buffered - size : null;

    private static long? Number(Dictionary<string, string> facts, string key) =>
        facts.TryGetValue(key, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static bool Is(Dictionary<string, string> facts, string key, long value) =>
        facts.TryGetValue(key, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var v) && v == value;

    private static bool Positive(Dictionary<string, string> facts, string key) =>
        facts.TryGetValue(key, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var v) && v > 0;
}

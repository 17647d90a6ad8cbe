using IpcPlayground.Contracts.Experiments;
using F = IpcPlayground.Contracts.Predictions.ExplanationFacts;

namespace IpcPlayground.Contracts.Predictions;

/// <summary>
/// How predict mode's choices, prompts and explanations read, in English and Chinese: the server writes the English
/// into its events, a page says them in its own language from the same ids and facts.
/// </summary>
public abstract class PredictionWords
{
    public static PredictionWords English { get; } = new EnglishPredictionWords();
    public static PredictionWords Chinese { get; } = new ChinesePredictionWords();

    public string Choice(string choice)
    {
        if (PredictionChoices.ErrnoOf(choice) is { } errno) return FailsWith(errno);
        if (PredictionChoices.SignalOf(choice) is { } signal) return KilledBy(signal);
        if (PredictionChoices.ValueOf(choice) is { } value) return ReturnsValue(value);
        if (choice == PredictionChoices.WakesAll) return WakesAll;
        if (PredictionChoices.WokenOf(choice) is { } process) return WakesProcess(process);
        return choice switch
        {
            PredictionChoices.Returns => ReturnsAtOnce,
            PredictionChoices.Eof => EndOfFile,
            PredictionChoices.Blocks => Blocks,
            PredictionChoices.Nobody => WakesNobody,
            _ => choice,
        };
    }

    /// <summary>The question, e.g. "What will read(2) on p do?" (<paramref name="call"/> from <see cref="SystemCalls"/>).</summary>
    public string Prompt(PredictionAbout about, string call, string? on) => about switch
    {
        PredictionAbout.Outcome => WhatWillItDo(call, on),
        PredictionAbout.Value => WhichValue(call, on),
        PredictionAbout.Wakes => WhoWakes(call, on),
    };

    /// <summary>"right" or "wrong", for a prediction the kernel judged.</summary>
    public abstract string Right { get; }
    public abstract string Wrong { get; }

    /// <summary>"you said", "the kernel", "not answered".</summary>
    public abstract string YouSaid { get; }
    public abstract string TheKernel { get; }
    public abstract string NotAnswered { get; }

    /// <summary>The explanation of an outcome, from its reason and facts (a missing fact reads as "?").</summary>
    public string Explain(ExplanationReason reason, IReadOnlyDictionary<string, string> facts) =>
        Explain(reason, key => facts.TryGetValue(key, out var value) ? value : "?");

    protected abstract string ReturnsAtOnce { get; }
    protected abstract string EndOfFile { get; }
    protected abstract string Blocks { get; }
    protected abstract string WakesNobody { get; }
    protected abstract string WakesAll { get; }
    protected abstract string FailsWith(string errno);
    protected abstract string KilledBy(string signal);
    protected abstract string ReturnsValue(string value);
    protected abstract string WakesProcess(string process);
    protected abstract string WhatWillItDo(string call, string? on);
    protected abstract string WhichValue(string call, string? on);
    protected abstract string WhoWakes(string call, string? on);
    protected abstract string Explain(ExplanationReason reason, Func<string, string> fact);
}

internal sealed class EnglishPredictionWords : PredictionWords
{
    public override string Right => "right";
    public override string Wrong => "wrong";
    public override string YouSaid => "you said";
    public override string TheKernel => "the kernel";
    public override string NotAnswered => "not answered";
    protected override string ReturnsAtOnce => "returns at once";
    protected override string EndOfFile => "returns 0: end of file";
    protected override string Blocks => "blocks: sleeps in the kernel";
    protected override string WakesNobody => "wakes nobody";
    protected override string WakesAll => "wakes every one of them";
    protected override string FailsWith(string errno) => $"fails with {errno}";
    protected override string KilledBy(string signal) => $"the process is killed by {signal}";
    protected override string ReturnsValue(string value) => $"returns {value}";
    protected override string WakesProcess(string process) => $"wakes {process}";
    protected override string WhatWillItDo(string call, string? on) => on is null ? $"What will {call} do?" : $"What will {call} on {on} do?";
    protected override string WhichValue(string call, string? on) => $"Which value will {call} return?";
    protected override string WhoWakes(string call, string? on) => $"Which blocked process will this {call} wake?";

    protected override string Explain(ExplanationReason reason, Func<string, string> f) => reason switch
    {
        ExplanationReason.ReadData => $"{f(F.Object)} held {f(F.Buffered)} bytes, so {f(F.Call)} returned at once with what was there",
        ExplanationReason.ReadEmptyWriters => $"{f(F.Object)} held 0 bytes and a writer ({f(F.Writers)}) still held its write end, so {f(F.Call)} slept",
        ExplanationReason.ReadEmptyNoWriters => $"{f(F.Object)} held 0 bytes and no process held its write end any more, so {f(F.Call)} returned 0: end of file",
        ExplanationReason.WriteRoom => $"{f(F.Object)} held {f(F.Buffered)} of {f(F.Capacity)} bytes, so {f(F.Size)} more fit and {f(F.Call)} returned at once",
        ExplanationReason.WriteFull => $"{f(F.Object)} held {f(F.Buffered)} of {f(F.Capacity)} bytes, too little room for {f(F.Size)} more, so {f(F.Call)} slept until a reader made room",
        ExplanationReason.WriteNoReadersKilled => $"no process held the read end of {f(F.Object)} any more, so the kernel sent the writer SIGPIPE, which killed it",
        ExplanationReason.WriteNoReadersFailed => $"no process held the read end of {f(F.Object)} any more; the writer did not die of SIGPIPE, so {f(F.Call)} failed with EPIPE",
        ExplanationReason.QueueRoom => $"{f(F.Object)} held {f(F.Messages)} messages ({f(F.Bytes)} of {f(F.MaxBytes)} bytes), so the message fit and {f(F.Call)} returned at once",
        ExplanationReason.QueueFull => $"{f(F.Object)} held {f(F.Messages)} messages ({f(F.Bytes)} of {f(F.MaxBytes)} bytes), too full for this one, so {f(F.Call)} slept until a receiver made room",
        ExplanationReason.QueueMessage => $"{f(F.Object)} held {f(F.Messages)} messages, so {f(F.Call)} took one at once",
        ExplanationReason.QueueEmpty => $"{f(F.Object)} held no message this receive could take ({f(F.Messages)} in all), so {f(F.Call)} slept",
        ExplanationReason.SemaphoreTaken => $"{f(F.Object)}'s value was {f(F.Value)}, so {f(F.Call)} took it down and returned at once",
        ExplanationReason.SemaphoreZero => $"{f(F.Object)}'s value was {f(F.Value)}, so {f(F.Call)} slept until another process posted",
        ExplanationReason.ChildRunning => $"{f(F.Target)} had not exited yet, so {f(F.Call)} slept until it did",
        ExplanationReason.ChildExited => $"{f(F.Target)} had already exited, so {f(F.Call)} collected it at once",
        ExplanationReason.Woke => $"{f(F.Woken)} was blocked in a call on {f(F.Object)}, and this {f(F.Call)} let it go on: the kernel woke it",
        ExplanationReason.WokeNobody => $"no process blocked when the step began was woken by this {f(F.Call)}",
        ExplanationReason.Failed => $"{f(F.Call)} failed with {f(F.Errno)}: {f(F.ErrnoText)}",
        ExplanationReason.Killed => $"the process died of {f(F.Signal)} before {f(F.Call)} returned",
        ExplanationReason.Slept => $"{f(F.Call)} could not complete until another process acted, so the kernel put the process to sleep",
        ExplanationReason.Returned => $"{f(F.Call)} had what it needed and returned at once",
        ExplanationReason.ValueReturned => $"{f(F.Call)} returned {f(F.Value)}",
        ExplanationReason.NotShown => "the run ended before the call showed what it does",
    };
}

internal sealed class ChinesePredictionWords : PredictionWords
{
    public override string Right => "正确";
    public override string Wrong => "错误";
    public override string YouSaid => "你的预测";
    public override string TheKernel => "内核";
    public override string NotAnswered => "未作答";
    protected override string ReturnsAtOnce => "立即返回";
    protected override string EndOfFile => "返回 0：文件结束";
    protected override string Blocks => "阻塞：在内核中睡眠";
    protected override string WakesNobody => "谁也不唤醒";
    protected override string WakesAll => "把它们全部唤醒";
    protected override string FailsWith(string errno) => $"失败，错误码 {errno}";
    protected override string KilledBy(string signal) => $"进程被 {signal} 杀死";
    protected override string ReturnsValue(string value) => $"返回 {value}";
    protected override string WakesProcess(string process) => $"唤醒 {process}";
    protected override string WhatWillItDo(string call, string? on) => on is null ? $"{call} 会怎样？" : $"对 {on} 的 {call} 会怎样？";
    protected override string WhichValue(string call, string? on) => $"{call} 会返回哪个值？";
    protected override string WhoWakes(string call, string? on) => $"这次 {call} 会唤醒哪个被阻塞的进程？";

    protected override string Explain(ExplanationReason reason, Func<string, string> f) => reason switch
    {
        ExplanationReason.ReadData => $"{f(F.Object)} 中有 {f(F.Buffered)} 字节，所以 {f(F.Call)} 立即带着已有的数据返回",
        ExplanationReason.ReadEmptyWriters => $"{f(F.Object)} 中有 0 字节，而写者（{f(F.Writers)}）仍持有写端，所以 {f(F.Call)} 睡眠",
        ExplanationReason.ReadEmptyNoWriters => $"{f(F.Object)} 中有 0 字节，且已没有进程持有写端，所以 {f(F.Call)} 返回 0：文件结束",
        ExplanationReason.WriteRoom => $"{f(F.Object)} 中有 {f(F.Buffered)}/{f(F.Capacity)} 字节，还放得下 {f(F.Size)} 字节，所以 {f(F.Call)} 立即返回",
        ExplanationReason.WriteFull => $"{f(F.Object)} 中有 {f(F.Buffered)}/{f(F.Capacity)} 字节，放不下 {f(F.Size)} 字节，所以 {f(F.Call)} 睡眠，直到读者腾出空间",
        ExplanationReason.WriteNoReadersKilled => $"已没有进程持有 {f(F.Object)} 的读端，内核向写者发送 SIGPIPE，将其杀死",
        ExplanationReason.WriteNoReadersFailed => $"已没有进程持有 {f(F.Object)} 的读端；写者没有因 SIGPIPE 而死，所以 {f(F.Call)} 以 EPIPE 失败",
        ExplanationReason.QueueRoom => $"{f(F.Object)} 中有 {f(F.Messages)} 条消息（{f(F.Bytes)}/{f(F.MaxBytes)} 字节），放得下这条，所以 {f(F.Call)} 立即返回",
        ExplanationReason.QueueFull => $"{f(F.Object)} 中有 {f(F.Messages)} 条消息（{f(F.Bytes)}/{f(F.MaxBytes)} 字节），放不下这条，所以 {f(F.Call)} 睡眠，直到接收者腾出空间",
        ExplanationReason.QueueMessage => $"{f(F.Object)} 中有 {f(F.Messages)} 条消息，所以 {f(F.Call)} 立即取走一条",
        ExplanationReason.QueueEmpty => $"{f(F.Object)} 中没有这次接收能取的消息（共 {f(F.Messages)} 条），所以 {f(F.Call)} 睡眠",
        ExplanationReason.SemaphoreTaken => $"{f(F.Object)} 的值是 {f(F.Value)}，所以 {f(F.Call)} 将其减一并立即返回",
        ExplanationReason.SemaphoreZero => $"{f(F.Object)} 的值是 {f(F.Value)}，所以 {f(F.Call)} 睡眠，直到另一个进程 post",
        ExplanationReason.ChildRunning => $"{f(F.Target)} 还没有退出，所以 {f(F.Call)} 睡眠，直到它退出",
        ExplanationReason.ChildExited => $"{f(F.Target)} 已经退出，所以 {f(F.Call)} 立即回收了它",
        ExplanationReason.Woke => $"{f(F.Woken)} 阻塞在对 {f(F.Object)} 的调用中，这次 {f(F.Call)} 让它得以继续：内核唤醒了它",
        ExplanationReason.WokeNobody => $"这一步开始时被阻塞的进程，没有一个被这次 {f(F.Call)} 唤醒",
        ExplanationReason.Failed => $"{f(F.Call)} 以 {f(F.Errno)} 失败：{f(F.ErrnoText)}",
        ExplanationReason.Killed => $"进程在 {f(F.Call)} 返回之前死于 {f(F.Signal)}",
        ExplanationReason.Slept => $"{f(F.Call)} 要等另一个进程行动才能完成，所以内核让进程睡眠",
        ExplanationReason.ValueReturned => $"{f(F.Call)} 返回了 {f(F.Value)}",
        ExplanationReason.Returned => $"{f(F.Call)} 所需条件已满足，立即返回",
        ExplanationReason.NotShown => "调用还没显示结果，运行就结束了",
    };
}

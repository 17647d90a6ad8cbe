using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Localization;

/// <summary>
/// The words of the event list and the timeline's tooltips, in one language. What the kernel says stays as it says it
/// (call names, errno names, signal names, wait channels); what the page says around it is translated.
/// </summary>
public sealed record EventWords
{
    public required Func<string?, int?, string> RunStarted { get; init; }
    public required Func<string, string> StartedBy { get; init; }
    public required string Started { get; init; }
    public required Func<string, bool, string> KilledBy { get; init; }
    public required Func<int?, string> ExitedWith { get; init; }
    public required Func<string?, string?, string> LimitHit { get; init; }
    public required string Error { get; init; }
    public required Func<string, string?, string> RunEnded { get; init; }
    public required Func<string?, string> WroteTo { get; init; }
    public required Func<int, string> BinaryBytes { get; init; }
    public required Func<string?, string?, string?, string> BlockedIn { get; init; }
    public required Func<string?, string?, string?, string> HeldBefore { get; init; }
    public required Func<string?, string> SignalHandled { get; init; }
    public required Func<string?, string> SignalPending { get; init; }
    public required Func<string?, string> SignalMerged { get; init; }
    public required Func<string?, string> SignalIgnored { get; init; }
    public required Func<string?, string> SignalWaited { get; init; }
    public required Func<string?, string> SignalDefault { get; init; }
    public required string From { get; init; }
    public required string ByKill { get; init; }
    public required string BySigqueue { get; init; }
    public required string ByKernel { get; init; }
    public required string Value { get; init; }
    public required string Process { get; init; }
    public required string Type { get; init; }
    public required string Priority { get; init; }
    public required string Exit { get; init; }
    public required string Ready { get; init; }
    public required Func<string, string> Execve { get; init; }
    public required Func<int, string> DescriptorArrived { get; init; }
    public required string NoDescriptor { get; init; }
    public required string NoSuchFile { get; init; }
    public required Func<string?, string?, long?, long?, string> FileFacts { get; init; }

    /// <summary>Predict mode's choices, prompts and explanations in this language.</summary>
    public required IpcPlayground.Contracts.Predictions.PredictionWords Predict { get; init; }
    public required string Asks { get; init; }

    public static EventWords English { get; } = new()
    {
        RunStarted = (sandbox, timeout) => $"run started in {sandbox} sandbox (timeout {timeout} ms)",
        StartedBy = parent => $"started by {parent}",
        Started = "started",
        KilledBy = (signal, core) => $"killed by {signal}" + (core ? " (its default action dumps core)" : ""),
        ExitedWith = code => $"exited with code {code}",
        LimitHit = (limit, message) => $"limit hit: {limit} {message}",
        Error = "error",
        RunEnded = (status, message) => message is null ? $"run {status}" : $"run {status}: {message}",
        WroteTo = stream => $"wrote to {stream}: ",
        BinaryBytes = n => $"[{n} bytes, binary]",
        BlockedIn = (call, on, wchan) => $"blocked in {call}({on})" + (wchan is null ? "" : $" — kernel: {wchan}"),
        HeldBefore = (op, on, phase) => $"held before {op}({on})" + (phase is null ? "" : $" [{phase}]"),
        SignalHandled = s => $"{s} delivered: the handler ran",
        SignalPending = s => $"{s} is pending (blocked by the mask)",
        SignalMerged = s => $"{s} merged into the one already pending (it will be delivered once)",
        SignalIgnored = s => $"{s} discarded (ignored)",
        SignalWaited = s => $"{s} taken by sigtimedwait",
        SignalDefault = s => $"{s}: default action",
        From = "from",
        ByKill = "by kill",
        BySigqueue = "by sigqueue",
        ByKernel = "by the kernel",
        Value = "value",
        Process = "process",
        Type = "type",
        Priority = "priority",
        Exit = "exit",
        Ready = "ready",
        Execve = program => $"execve({program}) — the process is that program from now on",
        DescriptorArrived = fd => $" — descriptor {fd} arrived",
        NoDescriptor = " — no descriptor came with it",
        NoSuchFile = " — no such file",
        Predict = IpcPlayground.Contracts.Predictions.PredictionWords.English,
        Asks = "asks",
        FileFacts = (type, mode, links, size) => $" — {type}, mode {mode}, {links} link(s), {size} bytes",
    };

    public static EventWords Chinese { get; } = new()
    {
        RunStarted = (sandbox, timeout) => $"运行在 {sandbox} 沙箱中开始（超时 {timeout} 毫秒）",
        StartedBy = parent => $"由 {parent} 启动",
        Started = "已启动",
        KilledBy = (signal, core) => $"被 {signal} 终止" + (core ? "（其默认动作会转储 core）" : ""),
        ExitedWith = code => $"退出，退出码 {code}",
        LimitHit = (limit, message) => $"触及限制：{limit} {message}",
        Error = "错误",
        RunEnded = (status, message) => message is null ? $"运行{ChineseStatus(status)}" : $"运行{ChineseStatus(status)}：{message}",
        WroteTo = stream => $"写入 {stream}：",
        BinaryBytes = n => $"[{n} 字节，二进制]",
        BlockedIn = (call, on, wchan) => $"阻塞在 {call}({on})" + (wchan is null ? "" : $" —— 内核：{wchan}"),
        HeldBefore = (op, on, phase) => $"暂停在 {op}({on}) 之前" + (phase is null ? "" : $" [{phase}]"),
        SignalHandled = s => $"{s} 已递送：处理函数已运行",
        SignalPending = s => $"{s} 处于待决状态（被信号掩码阻塞）",
        SignalMerged = s => $"{s} 与已待决的同一信号合并（只会递送一次）",
        SignalIgnored = s => $"{s} 被丢弃（忽略）",
        SignalWaited = s => $"{s} 被 sigtimedwait 取走",
        SignalDefault = s => $"{s}：执行默认动作",
        From = "来自",
        ByKill = "经 kill",
        BySigqueue = "经 sigqueue",
        ByKernel = "由内核",
        Value = "值",
        Process = "进程",
        Type = "类型",
        Priority = "优先级",
        Exit = "退出",
        Ready = "就绪",
        Execve = program => $"execve({program}) —— 从此该进程就是这个程序",
        DescriptorArrived = fd => $" —— 收到描述符 {fd}",
        NoDescriptor = " —— 没有随之而来的描述符",
        NoSuchFile = " —— 没有这个文件",
        Predict = IpcPlayground.Contracts.Predictions.PredictionWords.Chinese,
        Asks = "提问",
        FileFacts = (type, mode, links, size) => $" —— {type}，权限 {mode}，{links} 个链接，{size} 字节",
    };

    private static string ChineseStatus(string status) => status switch
    {
        RunStatuses.Completed => "完成",
        RunStatuses.Failed => "失败",
        RunStatuses.Timeout => "超时",
        RunStatuses.Killed => "已终止",
        RunStatuses.Limit => "因限制而停止",
        RunStatuses.Deadlock => "死锁",
        _ => status,
    };
}

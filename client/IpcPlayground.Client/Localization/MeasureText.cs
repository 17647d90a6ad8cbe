using IpcPlayground.Client.Services.Measure;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Client.Localization;

/// <summary>The words of the measure page (/measure, /m/{id}), in one language. Mechanism names stay as the contract spells them.</summary>
public sealed record MeasureText
{
    public required string Nav { get; init; }
    public required string Heading { get; init; }
    public required string Intro { get; init; }

    // the form
    public required string Mechanisms { get; init; }
    public required Func<MeasureMechanism, string> Describe { get; init; }
    public required Func<string, string> NotStreamed { get; init; }
    public required string Sizes { get; init; }
    public required string SizeToAdd { get; init; }
    public required string AddSize { get; init; }
    public required Func<string, string> RemoveSize { get; init; }
    public required string Pattern { get; init; }
    public required Func<string, string> PatternName { get; init; }
    public required Func<string, string> PatternHint { get; init; }
    public required string Placement { get; init; }
    public required Func<string, string> PlacementName { get; init; }
    public required Func<string, string> PlacementHint { get; init; }
    public required string Reference { get; init; }
    public required string ReferenceHint { get; init; }
    public required string Run { get; init; }
    public required string Running { get; init; }

    /// <summary>The request field a validation error is about, from its JSON path ("sizes[2]" → the sizes).</summary>
    public required Func<string, string> Field { get; init; }
    public required string FixFirst { get; init; }

    // progress and result
    public required Func<string, string> Status { get; init; }
    public required Func<int, int, string> Progress { get; init; }
    public required string Loading { get; init; }
    public required Func<string, string> NotFound { get; init; }
    public required string ShareLink { get; init; }
    public required string DownloadCsv { get; init; }
    public required string DownloadJson { get; init; }
    public required string Machine { get; init; }
    public required Func<MeasurementMachine, string> MachineLine { get; init; }
    public required Func<int, string> OtherRuns { get; init; }

    // plots
    public required string LoadingPlots { get; init; }
    public required string ThroughputTitle { get; init; }
    public required string LatencyTitle { get; init; }
    public required string SizeAxis { get; init; }
    public required string ThroughputAxis { get; init; }
    public required string LatencyAxis { get; init; }
    public required string ReferenceSuffix { get; init; }
    public required string Ceiling { get; init; }

    // table
    public required string Table { get; init; }
    public required string ColumnMechanism { get; init; }
    public required string ColumnSize { get; init; }
    public required string ColumnMessages { get; init; }
    public required string ColumnBytes { get; init; }
    public required string ColumnC { get; init; }
    public required string ColumnRatio { get; init; }
    public required string ColumnReason { get; init; }

    // a lesson's link to a prepared measurement
    public required string OpenPrepared { get; init; }

    private static readonly Dictionary<MeasureMechanism, string> ChineseDescriptions = new()
    {
        [MeasureMechanisms.Pipe] = "匿名管道：write(2) 与 read(2)",
        [MeasureMechanisms.Fifo] = "沙箱 /tmp 中的命名管道",
        [MeasureMechanisms.SocketPair] = "一对已连接的 Unix 流套接字",
        [MeasureMechanisms.UnixStream] = "绑定到路径、经过连接与接受的 Unix 流套接字",
        [MeasureMechanisms.Tcp] = "沙箱回环接口上的 TCP",
        [MeasureMechanisms.SysvMsgQueue] = "System V 消息队列：msgsnd(2) 与 msgrcv(2)",
        [MeasureMechanisms.PosixQueue] = "POSIX 消息队列：mq_send(3) 与 mq_receive(3)",
        [MeasureMechanisms.ShmSemaphores] = "共享内存，每条消息一对信号量",
        [MeasureMechanisms.ShmRing] = "共享内存中的单生产者单消费者环形缓冲区，只在空或满时在 futex 上休眠",
        [MeasureMechanisms.EventFd] = "eventfd 计数器：write(2) 与 read(2) 的一次往返",
        [MeasureMechanisms.Signal] = "以信号应答信号：kill(2) 与 sigwaitinfo(2)",
    };

    public static MeasureText English { get; } = new()
    {
        Nav = "Measure",
        Heading = "Measure: which IPC is fastest?",
        Intro = "Time each mechanism in the sandbox, message size by message size, beside the same loop written in C and this machine's memcpy bandwidth.",
        Mechanisms = "Mechanisms",
        Describe = m => m.Description,
        NotStreamed = names => $"{names}: no message of a size to stream; measured as ping-pong round trips only.",
        Sizes = "Message sizes",
        SizeToAdd = "Another size (e.g. 256, 8k, 1 MiB)",
        AddSize = "Add",
        RemoveSize = size => $"Remove {size}",
        Pattern = "Pattern",
        PatternName = p => p == MeasurePatterns.PingPong ? "Ping-pong" : "Stream",
        PatternHint = p => p == MeasurePatterns.PingPong
            ? "Each message is answered before the next is sent: the latency of a round trip, halved."
            : "One way, as fast as the receiver takes them: throughput, with buffers kept full.",
        Placement = "CPU placement",
        PlacementName = c => c switch { CpuPlacements.Same => "Same CPU", CpuPlacements.Different => "Different CPUs", _ => "Any CPU" },
        PlacementHint = c => c switch
        {
            CpuPlacements.Same => "Both processes on one CPU: a wake-up is a switch on that CPU, no cache line crosses.",
            CpuPlacements.Different => "One process a CPU: on a VM the cross-CPU wake-up dominates.",
            _ => "Wherever the kernel puts them, as a program would run.",
        },
        Reference = "C reference",
        ReferenceHint = "Time the same loop compiled from C beside the worker's, and show their ratio.",
        Run = "Measure",
        Running = "Measuring…",
        Field = path => FieldName(path, "Mechanisms", "Message sizes", "Pattern", "CPU placement", "Format", "Request"),
        FixFirst = "Fix these before measuring:",
        Status = s => s switch
        {
            MeasurementStatuses.Completed => "Completed",
            MeasurementStatuses.Failed => "Failed",
            MeasurementStatuses.Limit => "Stopped at a limit",
            _ => "Measuring",
        },
        Progress = (done, total) => $"{done} of {total} cells",
        Loading = "Loading the measurement…",
        NotFound = id => $"No measurement has the id '{id}' (it may have expired).",
        ShareLink = "Share this measurement",
        DownloadCsv = "CSV",
        DownloadJson = "JSON",
        Machine = "Measured on",
        MachineLine = m => $"{m.Cpus} CPUs · {m.CpuModel ?? "unknown CPU"} · Linux {m.Kernel ?? "?"}",
        OtherRuns = n => $"{n} other run(s) were going on the server meanwhile: the figures may be lower than on a quiet machine.",
        LoadingPlots = "Loading the plots…",
        ThroughputTitle = "Throughput against message size",
        LatencyTitle = "Latency percentiles",
        SizeAxis = "message size (bytes)",
        ThroughputAxis = "bytes per second",
        LatencyAxis = "latency (ns)",
        ReferenceSuffix = "(C)",
        Ceiling = "memcpy (ceiling)",
        Table = "Every cell",
        ColumnMechanism = "Mechanism",
        ColumnSize = "Size",
        ColumnMessages = "msgs/s",
        ColumnBytes = "MB/s",
        ColumnC = "C",
        ColumnRatio = "worker / C",
        ColumnReason = "Why no figure",
        OpenPrepared = "Open the prepared measurement",
    };

    public static MeasureText Chinese { get; } = new()
    {
        Nav = "测量",
        Heading = "测量：哪种 IPC 最快？",
        Intro = "在沙箱中逐个消息大小测量每种机制，并与用 C 写的同一循环以及本机的 memcpy 带宽对照。",
        Mechanisms = "机制",
        Describe = m => ChineseDescriptions[m],
        NotStreamed = names => $"{names}：没有可流式传输的定长消息，只能以乒乓往返测量。",
        Sizes = "消息大小",
        SizeToAdd = "其他大小（如 256、8k、1 MiB）",
        AddSize = "添加",
        RemoveSize = size => $"移除 {size}",
        Pattern = "模式",
        PatternName = p => p == MeasurePatterns.PingPong ? "乒乓" : "单向流",
        PatternHint = p => p == MeasurePatterns.PingPong
            ? "每条消息得到应答后才发送下一条：测的是往返时延的一半。"
            : "单向发送，接收方能收多快就发多快：测的是吞吐量，缓冲区保持满载。",
        Placement = "CPU 放置",
        PlacementName = c => c switch { CpuPlacements.Same => "同一 CPU", CpuPlacements.Different => "不同 CPU", _ => "任意 CPU" },
        PlacementHint = c => c switch
        {
            CpuPlacements.Same => "两个进程在同一个 CPU 上：唤醒只是该 CPU 上的一次切换，缓存行不跨核。",
            CpuPlacements.Different => "每个进程一个 CPU：在虚拟机上，跨 CPU 唤醒占了大头。",
            _ => "由内核决定放在哪里，就像普通程序运行时一样。",
        },
        Reference = "C 参照",
        ReferenceHint = "同时测量由 C 编译的同一循环，并显示两者之比。",
        Run = "开始测量",
        Running = "正在测量…",
        Field = path => FieldName(path, "机制", "消息大小", "模式", "CPU 放置", "格式", "请求"),
        FixFirst = "测量之前请先修正：",
        Status = s => s switch
        {
            MeasurementStatuses.Completed => "已完成",
            MeasurementStatuses.Failed => "失败",
            MeasurementStatuses.Limit => "因达到限制而停止",
            _ => "正在测量",
        },
        Progress = (done, total) => $"已完成 {done} / {total} 个单元",
        Loading = "正在加载测量结果…",
        NotFound = id => $"没有 id 为“{id}”的测量（可能已过期）。",
        ShareLink = "分享这次测量",
        DownloadCsv = "CSV",
        DownloadJson = "JSON",
        Machine = "测量所用机器",
        MachineLine = m => $"{m.Cpus} 个 CPU · {m.CpuModel ?? "未知 CPU"} · Linux {m.Kernel ?? "?"}",
        OtherRuns = n => $"测量期间服务器上还有 {n} 个其他运行：数字可能低于空闲机器上的结果。",
        LoadingPlots = "正在加载图表…",
        ThroughputTitle = "吞吐量与消息大小",
        LatencyTitle = "时延百分位",
        SizeAxis = "消息大小（字节）",
        ThroughputAxis = "每秒字节数",
        LatencyAxis = "时延（纳秒）",
        ReferenceSuffix = "（C）",
        Ceiling = "memcpy（上限）",
        Table = "全部单元",
        ColumnMechanism = "机制",
        ColumnSize = "大小",
        ColumnMessages = "消息/秒",
        ColumnBytes = "MB/秒",
        ColumnC = "C",
        ColumnRatio = "worker / C",
        ColumnReason = "为何没有数字",
        OpenPrepared = "打开准备好的测量",
    };

    /// <summary>The request field a path names: "mechanisms[1]" → the mechanisms' label with the item's number.</summary>
    private static string FieldName(string path, string mechanisms, string sizes, string pattern, string cpus, string format, string request)
    {
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? path : path[..bracket];
        var label = name switch
        {
            "mechanisms" => mechanisms,
            "sizes" => sizes,
            "pattern" => pattern,
            "cpus" => cpus,
            "format" => format,
            _ => request,
        };
        return bracket < 0 ? label : $"{label} #{int.Parse(path[(bracket + 1)..path.IndexOf(']', bracket)], System.Globalization.CultureInfo.InvariantCulture) + 1}";
    }
}

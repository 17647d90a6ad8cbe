using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Localization;

/// <summary>
/// Every word the page shows, in one language. A typed table instead of .resx: no satellite assemblies to download,
/// and a missing translation is a compile error (every property is required).
/// </summary>
public sealed record UiText
{
    public required string Language { get; init; }

    /// <summary>A composer field's label, from its JSON name (<see cref="FieldLabels"/>).</summary>
    public required Func<string, string> FieldLabel { get; init; }

    /// <summary>The JSON view's label.</summary>
    public required string ExperimentJsonLabel { get; init; }

    /// <summary>The event list's and the timeline tooltips' words.</summary>
    public required EventWords EventWords { get; init; }

    /// <summary>Predict mode's words (Localization/PredictText.cs).</summary>
    public required PredictText PredictMode { get; init; }
    public required string LanguageName { get; init; }
    public required string Tagline { get; init; }

    /// <summary>The static shell's line (wwwroot/index.html) while the app starts.</summary>
    public required string StartingPage { get; init; }

    /// <summary>The inspector's and timeline's words around names the kernel and the experiment give.</summary>
    public required string ProcessWord { get; init; }
    public required string NoObjectState { get; init; }
    public required string MarkStart { get; init; }
    public required Func<string, string> MarkExit { get; init; }
    public required Func<string, string> ExitCode { get; init; }
    public required Func<string, string> MessageType { get; init; }
    public required string RunIdLabel { get; init; }
    public required Func<string, string, string> ProgramFromHere { get; init; }
    public required Func<string, string> SleepingTitle { get; init; }
    public required Func<string, string, string?, string> BlockedTitle { get; init; }

    /// <summary>A timeline group's label: how many marks it holds, and that picking it opens them.</summary>
    public required Func<int, string> TimelineGroup { get; init; }
    public required string LanguageLabel { get; init; }
    public required string ThemeLabel { get; init; }
    public required string ThemeLight { get; init; }
    public required string ThemeDark { get; init; }
    public required string Shortcuts { get; init; }

    // composer
    public required string Experiment { get; init; }
    public required string Processes { get; init; }
    public required string Objects { get; init; }
    public required string Steps { get; init; }
    public required string AddProcess { get; init; }
    public required string AddChild { get; init; }
    public required string AddObject { get; init; }
    public required string AddStep { get; init; }
    public required string Remove { get; init; }

    /// <summary>A removal's question, naming what goes with it, and its two answers.</summary>
    public required Func<string, int, string> RemoveObjectQuestion { get; init; }
    public required Func<string, int, int, string> RemoveProcessQuestion { get; init; }
    public required string RemoveConfirm { get; init; }
    public required string Cancel { get; init; }

    /// <summary>The composer's undo and redo buttons.</summary>
    public required string Undo { get; init; }
    public required string Redo { get; init; }
    public required string MoveUp { get; init; }
    public required string MoveDown { get; init; }
    public required string Id { get; init; }
    public required string Parent { get; init; }
    public required string NoParent { get; init; }
    public required string Type { get; init; }
    public required string Op { get; init; }
    public required string Name { get; init; }
    public required string TimeoutMs { get; init; }
    public required string NoSteps { get; init; }
    public required string JsonView { get; init; }
    public required string JsonUnreadable { get; init; }
    public required string NewExperiment { get; init; }
    public required string StartFromLesson { get; init; }
    public required string OwnExperiment { get; init; }

    // gallery
    public required string Lessons { get; init; }
    public required string SearchLessons { get; init; }
    public required string NoLessonMatches { get; init; }
    public required string Close { get; init; }
    public required string AboutThisLesson { get; init; }

    // run
    public required string Run { get; init; }
    public required string Starting { get; init; }
    public required string StepMode { get; init; }
    public required string Stop { get; init; }
    public required string Resume { get; init; }
    public required string RunHeading { get; init; }
    public required string RunHint { get; init; }
    public required string Elapsed { get; init; }
    public required string EventsCount { get; init; }
    public required string BlockedNow { get; init; }
    public required string NoneBlocked { get; init; }

    /// <summary>Over the wait-for picture of a deadlock, and one line of it.</summary>
    public required string DeadlockTitle { get; init; }
    public required Func<IpcPlayground.Client.Services.Runs.DeadlockWait, string> DeadlockWait { get; init; }
    public required string LimitsHit { get; init; }
    public required string Errors { get; init; }
    public required Func<string, string> Status { get; init; }

    /// <summary>A request that never reached the server (the network, the server down), with what the browser said.</summary>
    public required Func<string, string> ServerUnreachable { get; init; }

    // step mode
    public required string StepModeHint { get; init; }
    public required string Next { get; init; }
    public required string StepButton { get; init; }
    public required string NotHeld { get; init; }

    /// <summary>Step mode: a process not spawned yet.</summary>
    public required string NotStarted { get; init; }

    /// <summary>A replay's status before its recorded end: where the scrubber stands.</summary>
    public required Func<int, int, string> ReplayAt { get; init; }
    public required string Exited { get; init; }
    public required string StoreAfterLoad { get; init; }

    // timeline
    public required string Timeline { get; init; }
    public required string ZoomIn { get; init; }
    public required string ZoomOut { get; init; }
    public required string PanEarlier { get; init; }
    public required string PanLater { get; init; }
    public required string Fit { get; init; }
    public required string Follow { get; init; }
    public required string TimelineKeys { get; init; }

    // inspector
    public required string Inspector { get; init; }
    public required string NoSnapshot { get; init; }
    public required string AsOf { get; init; }
    public required string Live { get; init; }
    public required string Buffered { get; init; }
    public required string Messages { get; init; }
    public required string Empty { get; init; }
    public required string Values { get; init; }
    public required string Waiting { get; init; }
    public required string Counter { get; init; }
    public required string HoldsOf { get; init; }
    public required string HoldsNothing { get; init; }
    public required string SemaphoreMode { get; init; }
    public required string Attached { get; init; }
    public required string Bytes { get; init; }
    public required string Removed { get; init; }
    public required string SleepsIn { get; init; }
    public required string BlockedIn { get; init; }
    public required string Pending { get; init; }
    public required string Masked { get; init; }
    public required string Handled { get; init; }
    public required string Ignored { get; init; }

    // event list
    public required string Events { get; init; }
    public required string ColumnTime { get; init; }
    public required string ColumnProcess { get; init; }
    public required string ColumnKind { get; init; }
    public required string ColumnWhat { get; init; }


    // sharing, replay, exports
    public required string Share { get; init; }
    public required string ShareLink { get; init; }
    public required string ShareWithoutStorage { get; init; }
    public required string Sharing { get; init; }
    public required string Copy { get; init; }
    public required string Copied { get; init; }
    public required string ShareNote { get; init; }
    public required string CannotShareInvalid { get; init; }
    public required string LoadingShared { get; init; }
    public required Func<string, string> SharedNotFound { get; init; }
    public required string LinkUnreadable { get; init; }
    public required string ReplayHeading { get; init; }
    public required string LoadingRun { get; init; }
    public required Func<string, string> RunNotFound { get; init; }
    public required string ReplayThisRun { get; init; }
    public required string ReplayPosition { get; init; }
    public required string Play { get; init; }
    public required string Pause { get; init; }
    public required string Exports { get; init; }
    public required string ExportJson { get; init; }
    public required string ExportTrace { get; init; }
    public required string PerfettoHint { get; init; }
    public required string ExportC { get; init; }
    public required string ExportCNeedsShare { get; init; }

    public required WorkshopText Workshop { get; init; }

    /// <summary>The measure page's words.</summary>
    public required MeasureText Measure { get; init; }

    public static UiText For(string? language) => language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public static IReadOnlyList<UiText> All => [English, Chinese];

    public static UiText English { get; } = new()
    {
        Language = "en",
        EventWords = EventWords.English,
        PredictMode = PredictText.English,
        FieldLabel = FieldLabels.English,
        ExperimentJsonLabel = "Experiment JSON",
        LanguageName = "English",
        Tagline = "Real processes, real system calls, watched live.",
        StartingPage = "Starting the page…",
        TimelineGroup = n => $"{n} events close together: pick to zoom in",
        ProcessWord = "process",
        NoObjectState = "Named by a call; no snapshot reported yet (nothing written to it or read from it has returned).",
        MarkStart = "start",
        MarkExit = code => $"exit {code}",
        ExitCode = code => $"code {code}",
        MessageType = type => $"type {type}",
        RunIdLabel = "run",
        ProgramFromHere = (process, program) => $"{process} is {program} from here on (execve)",
        SleepingTitle = process => $"{process}: sleeping",
        BlockedTitle = (process, call, on) => $"{process}: blocked in {call}({on})",
        LanguageLabel = "Language",
        ThemeLabel = "Theme",
        ThemeLight = "Light",
        ThemeDark = "Dark",
        Shortcuts = "Ctrl+Enter runs · Alt+L searches lessons",
        Experiment = "Experiment",
        Processes = "Processes",
        Objects = "IPC objects",
        Steps = "Steps",
        AddProcess = "Add process",
        AddChild = "Add child",
        AddObject = "Add object",
        AddStep = "Add step",
        Remove = "Remove",
        RemoveObjectQuestion = (id, steps) => steps == 0 ? $"Remove {id}? No step uses it." : $"Remove {id} and the {steps} step{(steps == 1 ? "" : "s")} that use{(steps == 1 ? "s" : "")} it?",
        RemoveProcessQuestion = (id, own, naming) => $"Remove {id} with its {own} step{(own == 1 ? "" : "s")}" + (naming == 0 ? "?" : $", and the {naming} step{(naming == 1 ? "" : "s")} of other processes that name{(naming == 1 ? "s" : "")} it?"),
        RemoveConfirm = "Remove",
        Cancel = "Cancel",
        Undo = "Undo",
        Redo = "Redo",
        MoveUp = "Move up",
        MoveDown = "Move down",
        Id = "Id",
        Parent = "Parent",
        NoParent = "none (starts with the run)",
        Type = "Type",
        Op = "Op",
        Name = "Name",
        TimeoutMs = "Timeout (ms)",
        NoSteps = "No steps yet.",
        JsonView = "JSON",
        JsonUnreadable = "The JSON cannot be read; the form shows the last readable version.",
        NewExperiment = "New experiment",
        StartFromLesson = "Start from a lesson:",
        OwnExperiment = "(your own experiment)",
        Lessons = "Lessons",
        SearchLessons = "Search lessons (title, summary, tags)",
        NoLessonMatches = "No lesson matches.",
        Close = "Close",
        AboutThisLesson = "About this lesson",
        Run = "Run",
        Starting = "Starting…",
        StepMode = "Step mode",
        Stop = "Stop",
        Resume = "Resume",
        RunHeading = "Run",
        RunHint = "Press Run: each process really runs in a sandbox, and every call it makes appears here as it returns.",
        Elapsed = "elapsed",
        EventsCount = "events",
        BlockedNow = "blocked now",
        NoneBlocked = "none blocked",
        DeadlockTitle = "Deadlock: every process waits for another, so none can go on — the run was stopped.",
        DeadlockWait = w => $"{w.Process} waits in {w.Call}({w.On})" + (w.WakersHeld.Count == 0
            ? ", and no other process holds it"
            : $"; only {string.Join(" or ", w.WakersHeld)} could end that, and {(w.WakersHeld.Count == 1 ? "it waits" : "they wait")} too"),
        LimitsHit = "Limits hit",
        Errors = "Errors",
        ServerUnreachable = m => $"the server could not be reached: {m}",
        Status = s => s switch
        {
            RunStatuses.Running => "running…",
            RunStatuses.Completed => "completed",
            RunStatuses.Failed => "failed",
            RunStatuses.Timeout => "timed out",
            RunStatuses.Killed => "killed",
            RunStatuses.Limit => "stopped by a limit",
            RunStatuses.Deadlock => "deadlocked",
            _ => s,
        },
        StepModeHint = "Every process is held before each step: choose which one goes next.",
        Next = "next:",
        StepButton = "Step",
        NotHeld = "running",
        NotStarted = "not started yet",
        ReplayAt = (at, of) => $"replay: event {at} of {of}",
        Exited = "exited",
        StoreAfterLoad = "store (after its load)",
        Timeline = "Timeline",
        ZoomIn = "Zoom in",
        ZoomOut = "Zoom out",
        PanEarlier = "Earlier",
        PanLater = "Later",
        Fit = "Fit",
        Follow = "Follow live",
        TimelineKeys = "Keys: + − zoom · ← → pan · 0 fit · F follow · wheel pans, Ctrl+wheel zooms",
        Inspector = "Inspector",
        NoSnapshot = "No snapshot yet.",
        AsOf = "As of event",
        Live = "Live",
        Buffered = "buffered",
        Messages = "messages",
        Empty = "empty",
        Values = "values",
        Waiting = "waiting",
        Counter = "counter",
        HoldsOf = "holds",
        HoldsNothing = "holds no descriptor of the experiment's objects",
        SemaphoreMode = "semaphore mode: each read takes 1",
        Attached = "attached",
        Bytes = "bytes",
        Removed = "removed",
        SleepsIn = "sleeps in",
        BlockedIn = "blocked in",
        Pending = "pending",
        Masked = "blocked",
        Handled = "handled",
        Ignored = "ignored",
        Events = "Events",
        ColumnTime = "time",
        ColumnProcess = "process",
        ColumnKind = "kind",
        ColumnWhat = "what happened",
        Share = "Share",
        ShareLink = "Share link",
        ShareWithoutStorage = "Link without storage",
        Sharing = "Sharing…",
        Copy = "Copy",
        Copied = "Copied",
        ShareNote = "Shared experiments never change; sharing your edits makes a new link.",
        CannotShareInvalid = "Fix the errors above to share this experiment.",
        LoadingShared = "Loading the shared experiment…",
        SharedNotFound = id => $"No shared experiment has the id '{id}'. Check the link.",
        LinkUnreadable = "This link's experiment cannot be opened:",
        ReplayHeading = "Replay",
        LoadingRun = "Loading the recorded run…",
        RunNotFound = id => $"No recorded run has the id '{id}' (it may have expired).",
        ReplayThisRun = "Replay this run",
        ReplayPosition = "Events shown",
        Play = "Play",
        Pause = "Pause",
        Exports = "Export",
        ExportJson = "events (JSON)",
        ExportTrace = "Perfetto trace",
        PerfettoHint = "open in ui.perfetto.dev",
        ExportC = "C program",
        ExportCNeedsShare = "share the experiment to get it as a C program",
        Workshop = WorkshopText.English,
        Measure = MeasureText.English,
    };

    public static UiText Chinese { get; } = new()
    {
        Language = "zh-Hans",
        EventWords = EventWords.Chinese,
        PredictMode = PredictText.Chinese,
        FieldLabel = FieldLabels.Chinese,
        ExperimentJsonLabel = "实验 JSON",
        LanguageName = "简体中文",
        Tagline = "真实的进程，真实的系统调用，实时观看。",
        StartingPage = "页面启动中…",
        TimelineGroup = n => $"{n} 个紧挨着的事件：点击放大",
        ProcessWord = "进程",
        NoObjectState = "已被调用使用；尚未报告快照（对它的写入或读取都还没有返回）。",
        MarkStart = "启动",
        MarkExit = code => $"退出 {code}",
        ExitCode = code => $"退出码 {code}",
        MessageType = type => $"类型 {type}",
        RunIdLabel = "运行",
        ProgramFromHere = (process, program) => $"{process} 从此处起运行 {program}（execve）",
        SleepingTitle = process => $"{process}：睡眠中",
        BlockedTitle = (process, call, on) => $"{process}：阻塞于 {call}({on})",
        LanguageLabel = "语言",
        ThemeLabel = "主题",
        ThemeLight = "浅色",
        ThemeDark = "深色",
        Shortcuts = "Ctrl+Enter 运行 · Alt+L 搜索课程",
        Experiment = "实验",
        Processes = "进程",
        Objects = "IPC 对象",
        Steps = "步骤",
        AddProcess = "添加进程",
        AddChild = "添加子进程",
        AddObject = "添加对象",
        AddStep = "添加步骤",
        Remove = "删除",
        RemoveObjectQuestion = (id, steps) => steps == 0 ? $"删除 {id}？没有步骤使用它。" : $"删除 {id} 以及使用它的 {steps} 个步骤？",
        RemoveProcessQuestion = (id, own, naming) => $"删除 {id} 及其 {own} 个步骤" + (naming == 0 ? "？" : $"，以及其他进程中指向它的 {naming} 个步骤？"),
        RemoveConfirm = "删除",
        Cancel = "取消",
        Undo = "撤销",
        Redo = "重做",
        MoveUp = "上移",
        MoveDown = "下移",
        Id = "标识",
        Parent = "父进程",
        NoParent = "无（随运行启动）",
        Type = "类型",
        Op = "操作",
        Name = "名称",
        TimeoutMs = "超时（毫秒）",
        NoSteps = "还没有步骤。",
        JsonView = "JSON",
        JsonUnreadable = "JSON 无法读取；表单显示的是最后一个可读的版本。",
        NewExperiment = "新建实验",
        StartFromLesson = "从课程开始：",
        OwnExperiment = "（你自己的实验）",
        Lessons = "课程",
        SearchLessons = "搜索课程（标题、摘要、标签）",
        NoLessonMatches = "没有匹配的课程。",
        Close = "关闭",
        AboutThisLesson = "关于本课",
        Run = "运行",
        Starting = "正在启动…",
        StepMode = "单步模式",
        Stop = "停止",
        Resume = "继续运行",
        RunHeading = "运行",
        RunHint = "按“运行”：每个进程都在沙箱里真实运行，它的每次调用返回时都会显示在这里。",
        Elapsed = "已运行",
        EventsCount = "个事件",
        BlockedNow = "当前阻塞",
        NoneBlocked = "没有阻塞",
        DeadlockTitle = "死锁：每个进程都在等待另一个进程，谁也无法继续——运行已被停止。",
        DeadlockWait = w => $"{w.Process} 在 {w.Call}({w.On}) 中等待" + (w.WakersHeld.Count == 0
            ? "，且没有其他进程持有它"
            : $"；只有 {string.Join(" 或 ", w.WakersHeld)} 能结束这次等待，而它们也在等待"),
        LimitsHit = "触及的限制",
        Errors = "错误",
        ServerUnreachable = m => $"无法连接服务器：{m}",
        Status = s => s switch
        {
            RunStatuses.Running => "运行中…",
            RunStatuses.Completed => "已完成",
            RunStatuses.Failed => "失败",
            RunStatuses.Timeout => "超时",
            RunStatuses.Killed => "已终止",
            RunStatuses.Limit => "因限制而停止",
            RunStatuses.Deadlock => "死锁",
            _ => s,
        },
        StepModeHint = "每个进程在每一步之前都被暂停：由你选择下一步让谁走。",
        Next = "下一步：",
        StepButton = "单步",
        NotHeld = "运行中",
        NotStarted = "尚未启动",
        ReplayAt = (at, of) => $"回放：第 {at} / {of} 个事件",
        Exited = "已退出",
        StoreAfterLoad = "store（在 load 之后）",
        Timeline = "时间线",
        ZoomIn = "放大",
        ZoomOut = "缩小",
        PanEarlier = "向前",
        PanLater = "向后",
        Fit = "全部",
        Follow = "实时跟随",
        TimelineKeys = "按键：+ − 缩放 · ← → 平移 · 0 全部 · F 跟随 · 滚轮平移，Ctrl+滚轮缩放",
        Inspector = "检查器",
        NoSnapshot = "尚无快照。",
        AsOf = "截至事件",
        Live = "实时",
        Buffered = "已缓冲",
        Messages = "条消息",
        Empty = "空",
        Values = "值",
        Waiting = "等待者",
        Counter = "计数",
        HoldsOf = "持有",
        HoldsNothing = "不持有实验对象的任何描述符",
        SemaphoreMode = "信号量模式：每次读取 1",
        Attached = "已附加",
        Bytes = "字节",
        Removed = "已删除",
        SleepsIn = "睡眠于",
        BlockedIn = "阻塞于",
        Pending = "待处理",
        Masked = "已屏蔽",
        Handled = "有处理函数",
        Ignored = "已忽略",
        Events = "事件",
        ColumnTime = "时间",
        ColumnProcess = "进程",
        ColumnKind = "类型",
        ColumnWhat = "发生了什么",
        Share = "分享",
        ShareLink = "分享链接",
        ShareWithoutStorage = "不存储的链接",
        Sharing = "正在分享…",
        Copy = "复制",
        Copied = "已复制",
        ShareNote = "已分享的实验永不改变；分享你修改后的版本会生成新链接。",
        CannotShareInvalid = "请先修正上面的错误，再分享这个实验。",
        LoadingShared = "正在加载分享的实验…",
        SharedNotFound = id => $"没有标识为“{id}”的分享实验。请检查链接。",
        LinkUnreadable = "无法打开此链接中的实验：",
        ReplayHeading = "回放",
        LoadingRun = "正在加载记录的运行…",
        RunNotFound = id => $"没有标识为“{id}”的运行记录（可能已过期）。",
        ReplayThisRun = "回放这次运行",
        ReplayPosition = "显示的事件",
        Play = "播放",
        Pause = "暂停",
        Exports = "导出",
        ExportJson = "事件（JSON）",
        ExportTrace = "Perfetto 跟踪",
        PerfettoHint = "在 ui.perfetto.dev 中打开",
        ExportC = "C 程序",
        ExportCNeedsShare = "分享实验后即可获得 C 程序",
        Workshop = WorkshopText.Chinese,
        Measure = MeasureText.Chinese,
    };
}

using IpcPlayground.Client.Services.Workshops;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Client.Localization;

/// <summary>The words of the workshop pages (create, instructor board, participant workspace), in one language.</summary>
public sealed record WorkshopText
{
    public required string Workshops { get; init; }

    // creating
    public required string NewHeading { get; init; }
    public required string NewIntro { get; init; }
    public required string Title { get; init; }
    public required string LessonsToInclude { get; init; }
    public required string LinksToInclude { get; init; }
    public required string LinksHint { get; init; }
    public required string Create { get; init; }
    public required string Creating { get; init; }
    public required string ChooseSomething { get; init; }
    public required string Ready { get; init; }
    public required string InstructorLink { get; init; }
    public required string InstructorLinkWarning { get; init; }
    public required string JoinLink { get; init; }
    public required string JoinCode { get; init; }
    public required string OpenBoard { get; init; }

    // instructor board
    public required string BoardHeading { get; init; }
    public required string Loading { get; init; }
    public required string KeyMissing { get; init; }
    public required string KeyRefused { get; init; }
    public required string Participants { get; init; }
    public required Func<BoardCounts, string> Totals { get; init; }
    public required string NoParticipants { get; init; }
    public required string OnlyNeedingHelp { get; init; }
    public required string ColumnName { get; init; }
    public required string ColumnExperiment { get; init; }
    public required string ColumnRun { get; init; }
    public required string ColumnBlockedIn { get; init; }
    public required string Online { get; init; }
    public required string Offline { get; init; }
    public required Func<ParticipantState, string> State { get; init; }
    public required string Watch { get; init; }
    public required string WatchHint { get; init; }
    public required Func<string, string> Watching { get; init; }
    public required string Spotlight { get; init; }
    public required string ClearSpotlight { get; init; }
    public required string InSpotlight { get; init; }
    public required string BroadcastLabel { get; init; }
    public required string Broadcast { get; init; }
    public required Func<string, string> BroadcastSent { get; init; }
    public required string ShowMeasurementLabel { get; init; }
    public required string ShowMeasurement { get; init; }
    public required Func<string, string> MeasurementShown { get; init; }

    /// <summary>To a participant: the instructor shows a measurement (what it timed, on how many cores, which kernel).</summary>
    public required Func<string, int?, string?, string> MeasurementReceived { get; init; }
    public required string OpenMeasurement { get; init; }
    public required string JoinIsOpen { get; init; }
    public required string JoinIsClosed { get; init; }
    public required string CloseJoin { get; init; }
    public required string OpenJoin { get; init; }
    public required string End { get; init; }
    public required string ConfirmEnd { get; init; }
    public required string Remove { get; init; }
    public required string RemoveHint { get; init; }
    public required Func<string, string> RemoveConfirm { get; init; }
    public required string Cancel { get; init; }
    public required string Ended { get; init; }
    public required string Reconnecting { get; init; }
    public required string OnExperiments { get; init; }

    // participant
    public required string JoinHeading { get; init; }

    /// <summary>The join page when no workshop has the code.</summary>
    public required Func<string, string> UnknownCode { get; init; }
    public required string YourName { get; init; }
    public required string Join { get; init; }
    public required string Joining { get; init; }
    public required Func<string, string> JoinedAs { get; init; }
    public required string Leave { get; init; }
    public required string ExperimentsOfWorkshop { get; init; }
    public required Func<string, string> BroadcastReceived { get; init; }

    /// <summary>The offer's two answers, and what is said once it is loaded.</summary>
    public required string BroadcastLoad { get; init; }

    /// <summary>On the board, for a participant whose experiment has no name of its own.</summary>
    public required string OwnExperiment { get; init; }
    public required string BroadcastKeepMine { get; init; }
    public required Func<string, string> BroadcastLoaded { get; init; }
    public required Func<string, string> SpotlightOn { get; init; }
    public required string YouAreInSpotlight { get; init; }
    public required string NoSpotlightRunYet { get; init; }
    public required Func<WorkshopQuotas, string> Quotas { get; init; }
    public required string YouWereRemoved { get; init; }

    // predicting together (board)
    public required string PredictionHeading { get; init; }
    public required string PredictionExperiment { get; init; }
    public required string StartPrediction { get; init; }
    public required string PredictionIntro { get; init; }
    public required Func<string, string> PredictionCurrent { get; init; }
    public required string PredictionEnded { get; init; }
    public required string RoomHeldForBoard { get; init; }
    public required string RoomFree { get; init; }
    public required string HoldRoom { get; init; }
    public required string ReleaseAnswered { get; init; }
    public required string LetGo { get; init; }
    public required string NoQuestionYet { get; init; }

    /// <summary>A step the room met: its process and step (and iteration, inside a repeat), counted from 1 (<see cref="StepNumbers"/>).</summary>
    public required Func<string, string, int?, string> PredictionStep { get; init; }

    /// <summary>Under a step's bars: how many of the room answered it.</summary>
    public required Func<int, int, string> AnsweredOfRoom { get; init; }

    /// <summary>A bar's label: how many chose it, and their share of those who answered.</summary>
    public required Func<int, double, string> ChoiceCount { get; init; }
    public required string KernelDid { get; init; }
    public required Func<int, string> InRuns { get; init; }
    public required string RightChoice { get; init; }
    public required string DownloadAnswers { get; init; }

    // predicting together (participant)
    public required Func<string, string> PredictionReceived { get; init; }
    public required string RoomHeld { get; init; }
    public required string MyPredictions { get; init; }
    public required string NoPredictionsYet { get; init; }
    public required string Pending { get; init; }

    /// <summary>A share as a whole percentage, the same in both languages ("50%").</summary>
    private static string Percent(double share) => Math.Round(share * 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static WorkshopText English { get; } = new()
    {
        Workshops = "Workshops",
        NewHeading = "Run a workshop",
        NewIntro = "Choose a title and the experiments the room will work through. You get a secret instructor link and a short join code; participants join with a name only.",
        Title = "Title",
        LessonsToInclude = "Lessons from the gallery",
        LinksToInclude = "Share links",
        LinksHint = "one per line, e.g.",
        Create = "Create workshop",
        Creating = "Creating…",
        ChooseSomething = "Choose at least one lesson or add a share link.",
        Ready = "Your workshop is ready",
        InstructorLink = "Instructor link",
        InstructorLinkWarning = "Keep it secret: it is shown only this once, and whoever holds it runs the workshop.",
        JoinLink = "Join link for participants",
        JoinCode = "Join code",
        OpenBoard = "Open the instructor board",
        BoardHeading = "Instructor board",
        Loading = "Loading the workshop…",
        KeyMissing = "This address holds no instructor key. Open the instructor link you were given when the workshop was created.",
        KeyRefused = "The instructor key was not accepted for this workshop.",
        Participants = "Participants",
        Totals = c => $"{c.Joined} joined · {c.Online} online · {c.Running} running · {c.Blocked} blocked · {c.Deadlocked} deadlocked",
        NoParticipants = "No one has joined yet: share the join link or the code.",
        OnlyNeedingHelp = "Only those who need help",
        ColumnName = "Name",
        ColumnExperiment = "Experiment",
        ColumnRun = "Run",
        ColumnBlockedIn = "Blocked now",
        Online = "online",
        Offline = "offline",
        State = s => s switch
        {
            ParticipantState.Idle => "no run yet",
            ParticipantState.Running => "running",
            ParticipantState.Blocked => "blocked",
            ParticipantState.Deadlocked => "deadlocked",
            ParticipantState.Completed => "completed",
            _ => "failed",
        },
        Watch = "Watch",
        WatchHint = "Watch a participant's run here, or put them in the spotlight for the whole room.",
        Watching = name => $"Watching {name}",
        Spotlight = "Spotlight",
        ClearSpotlight = "Clear spotlight",
        InSpotlight = "In the spotlight",
        BroadcastLabel = "Send an experiment to every composer",
        Broadcast = "Send to everyone",
        BroadcastSent = title => $"Sent “{title}” to every composer.",
        ShowMeasurementLabel = "Show a measurement to the room (its /m/… link or id)",
        ShowMeasurement = "Show to everyone",
        MeasurementShown = id => $"Every participant was shown measurement {id}.",
        MeasurementReceived = (title, cpus, kernel) => $"The instructor shows a measurement: {title}" +
            (cpus is null ? "." : $", measured on {cpus} {(cpus == 1 ? "core" : "cores")}, Linux {kernel}."),
        OpenMeasurement = "Open it",
        JoinIsOpen = "Joining is open",
        JoinIsClosed = "Joining is closed",
        CloseJoin = "Close joining",
        OpenJoin = "Open joining",
        End = "End workshop",
        ConfirmEnd = "End the workshop for everyone? No more runs or joins; this cannot be undone.",
        Remove = "Remove",
        RemoveHint = "Remove this participant: their key stops working and their runs stop. Close joining first to keep them out.",
        RemoveConfirm = name => $"Remove {name}",
        Cancel = "Cancel",
        Ended = "This workshop has ended.",
        Reconnecting = "Connection lost; reconnecting…",
        OnExperiments = "On each experiment",
        JoinHeading = "Join a workshop",
        UnknownCode = code => $"No workshop has the code {code}. Check it with your instructor.",
        YourName = "Your name",
        Join = "Join",
        Joining = "Joining…",
        JoinedAs = name => $"You are {name}",
        Leave = "Leave",
        ExperimentsOfWorkshop = "Experiments of this workshop",
        BroadcastReceived = title => $"The instructor sent “{title}”.",
        BroadcastLoad = "Load the instructor's experiment",
        OwnExperiment = "their own experiment",
        BroadcastKeepMine = "Keep mine",
        BroadcastLoaded = title => $"“{title}” is in your composer (Undo brings yours back).",
        SpotlightOn = name => $"In the spotlight: {name}",
        YouAreInSpotlight = "You are in the spotlight: the room sees your runs.",
        NoSpotlightRunYet = "No run yet; it appears here when they start one.",
        Quotas = q => $"Up to {q.RunsPerParticipantPerMinute} runs a minute, {q.ConcurrentRunsPerParticipant} at a time.",
        YouWereRemoved = "The instructor removed you from this workshop. Your runs were stopped; you can still use the playground on your own.",
        PredictionHeading = "Predict together",
        PredictionExperiment = "Experiment to predict",
        StartPrediction = "Predict together",
        PredictionIntro = "Every participant's page starts its own predicted run of the experiment: before each step that can block or fail they say what the call will do, then the real call shows it. Their answers are counted here, step by step.",
        PredictionCurrent = title => $"The room predicts “{title}”.",
        PredictionEnded = "The room's prediction has ended.",
        RoomHeldForBoard = "The room is held: answered steps wait until you let them go.",
        RoomFree = "Each participant's step runs as soon as they answer.",
        HoldRoom = "Hold room",
        ReleaseAnswered = "Release answered",
        LetGo = "Let go",
        NoQuestionYet = "No question yet: the bars appear here as the room answers.",
        PredictionStep = (process, step, iteration) => $"{process}, step {step}" + (iteration is { } i ? $", round {i}" : ""),
        AnsweredOfRoom = (answered, room) => $"{answered} of {room} answered",
        ChoiceCount = (count, share) => $"{count} · {Percent(share)}",
        KernelDid = "The kernel",
        InRuns = runs => runs == 1 ? "in 1 run" : $"in {runs} runs",
        RightChoice = "what the kernel did",
        DownloadAnswers = "Download the answers (CSV)",
        PredictionReceived = title => $"Your instructor started a prediction: {title}. Say what each step will do in your run.",
        RoomHeld = "The room is held: your step runs when the instructor lets it go",
        MyPredictions = "Your predictions",
        NoPredictionsYet = "None yet: your answers appear here.",
        Pending = "waiting for the kernel",
    };

    public static WorkshopText Chinese { get; } = new()
    {
        Workshops = "工作坊",
        NewHeading = "开设工作坊",
        NewIntro = "填写标题并选择全体要做的实验。你会得到一个保密的讲师链接和一个简短的加入码；参与者只需填写名字即可加入。",
        Title = "标题",
        LessonsToInclude = "课程库中的课程",
        LinksToInclude = "分享链接",
        LinksHint = "每行一个，例如",
        Create = "创建工作坊",
        Creating = "正在创建…",
        ChooseSomething = "请至少选择一个课程或添加一个分享链接。",
        Ready = "工作坊已就绪",
        InstructorLink = "讲师链接",
        InstructorLinkWarning = "请保密：它只显示这一次，持有它的人即可主持工作坊。",
        JoinLink = "参与者加入链接",
        JoinCode = "加入码",
        OpenBoard = "打开讲师面板",
        BoardHeading = "讲师面板",
        Loading = "正在加载工作坊…",
        KeyMissing = "此地址不含讲师密钥。请打开创建工作坊时得到的讲师链接。",
        KeyRefused = "讲师密钥对此工作坊无效。",
        Participants = "参与者",
        Totals = c => $"已加入 {c.Joined} · 在线 {c.Online} · 运行中 {c.Running} · 阻塞 {c.Blocked} · 死锁 {c.Deadlocked}",
        NoParticipants = "还没有人加入：请分享加入链接或加入码。",
        OnlyNeedingHelp = "只看需要帮助的人",
        ColumnName = "名字",
        ColumnExperiment = "实验",
        ColumnRun = "运行",
        ColumnBlockedIn = "当前阻塞",
        Online = "在线",
        Offline = "离线",
        State = s => s switch
        {
            ParticipantState.Idle => "尚未运行",
            ParticipantState.Running => "运行中",
            ParticipantState.Blocked => "阻塞",
            ParticipantState.Deadlocked => "死锁",
            ParticipantState.Completed => "已完成",
            _ => "失败",
        },
        Watch = "查看",
        WatchHint = "在这里查看某位参与者的运行，或把他聚焦给全体。",
        Watching = name => $"正在查看 {name}",
        Spotlight = "聚焦",
        ClearSpotlight = "取消聚焦",
        InSpotlight = "聚焦中",
        BroadcastLabel = "把一个实验发送到每个人的编辑器",
        Broadcast = "发送给所有人",
        BroadcastSent = title => $"已把“{title}”发送到每个编辑器。",
        ShowMeasurementLabel = "向全场展示一次测量（它的 /m/… 链接或 id）",
        ShowMeasurement = "展示给所有人",
        MeasurementShown = id => $"已向每位参与者展示测量 {id}。",
        MeasurementReceived = (title, cpus, kernel) => $"讲师展示了一次测量：{title}" +
            (cpus is null ? "。" : $"，测于 {cpus} 个核心、Linux {kernel}。"),
        OpenMeasurement = "打开",
        JoinIsOpen = "可以加入",
        JoinIsClosed = "已停止加入",
        CloseJoin = "停止加入",
        OpenJoin = "开放加入",
        End = "结束工作坊",
        ConfirmEnd = "要为所有人结束工作坊吗？之后不再接受运行和加入，且无法撤销。",
        Remove = "移除",
        RemoveHint = "移除此参与者：其密钥失效，其运行被停止。若不想让其再次加入，请先关闭加入。",
        RemoveConfirm = name => $"移除 {name}",
        Cancel = "取消",
        Ended = "此工作坊已结束。",
        Reconnecting = "连接已断开，正在重连…",
        OnExperiments = "各实验人数",
        JoinHeading = "加入工作坊",
        UnknownCode = code => $"没有工作坊使用代码 {code}。请向讲师核对。",
        YourName = "你的名字",
        Join = "加入",
        Joining = "正在加入…",
        JoinedAs = name => $"你是 {name}",
        Leave = "离开",
        ExperimentsOfWorkshop = "本工作坊的实验",
        BroadcastReceived = title => $"讲师发送了“{title}”。",
        BroadcastLoad = "载入讲师的实验",
        OwnExperiment = "自己的实验",
        BroadcastKeepMine = "保留我的",
        BroadcastLoaded = title => $"“{title}”已在你的编辑器中（撤销可恢复你的实验）。",
        SpotlightOn = name => $"聚焦：{name}",
        YouAreInSpotlight = "你正处于聚焦中：全体都能看到你的运行。",
        NoSpotlightRunYet = "尚无运行；对方开始运行后会显示在这里。",
        Quotas = q => $"每分钟最多运行 {q.RunsPerParticipantPerMinute} 次，同时最多 {q.ConcurrentRunsPerParticipant} 个。",
        YouWereRemoved = "讲师已将你移出此工作坊，你的运行已被停止；你仍可独自使用游乐场。",
        PredictionHeading = "一起预测",
        PredictionExperiment = "要预测的实验",
        StartPrediction = "开始一起预测",
        PredictionIntro = "每位参与者的页面都会启动该实验的一次预测运行：在每个可能阻塞或失败的步骤之前，先预测调用会怎样，再由真实的调用揭晓。大家的答案按步骤汇总在这里。",
        PredictionCurrent = title => $"全体正在预测“{title}”。",
        PredictionEnded = "本次全体预测已结束。",
        RoomHeldForBoard = "全场已暂停：已作答的步骤会等你放行。",
        RoomFree = "每位参与者作答后，其步骤立即执行。",
        HoldRoom = "暂停全场",
        ReleaseAnswered = "放行已作答的",
        LetGo = "全部放行",
        NoQuestionYet = "还没有问题：全体作答后，柱状图会显示在这里。",
        PredictionStep = (process, step, iteration) => $"{process}，第 {step} 步" + (iteration is { } i ? $"，第 {i} 轮" : ""),
        AnsweredOfRoom = (answered, room) => $"{room} 人中 {answered} 人已作答",
        ChoiceCount = (count, share) => $"{count} · {Percent(share)}",
        KernelDid = "内核",
        InRuns = runs => $"在 {runs} 次运行中",
        RightChoice = "内核的实际结果",
        DownloadAnswers = "下载答案（CSV）",
        PredictionReceived = title => $"讲师开始了一次预测：{title}。请在你的运行中预测每一步会怎样。",
        RoomHeld = "全场已暂停：讲师放行后，你的步骤才会执行",
        MyPredictions = "你的预测",
        NoPredictionsYet = "还没有：你的答案会显示在这里。",
        Pending = "等待内核结果",
    };
}

namespace IpcPlayground.Client.Localization;

/// <summary>
/// The words of predict mode around the kernel's (the toggle, the panel, the history), in one language. The choices,
/// prompts and explanations themselves are <see cref="EventWords.Predict"/>.
/// </summary>
public sealed record PredictText
{
    public required string Toggle { get; init; }
    public required string ToggleHint { get; init; }
    public required string Heading { get; init; }
    public required string Hint { get; init; }

    /// <summary>Under a question: how to answer it from the keyboard, for a question of n choices.</summary>
    public required Func<int, string> KeysHint { get; init; }

    public required string Waiting { get; init; }
    public required string UntilNextQuestion { get; init; }
    public required string Ended { get; init; }
    public required string LatestHeading { get; init; }
    public required string HistoryHeading { get; init; }
    public required string ReplayHeading { get; init; }
    public required string NoneJudged { get; init; }

    /// <summary>The score: right answers of those the kernel has judged.</summary>
    public required Func<int, int, string> Score { get; init; }

    public required Func<int, string> Unanswered { get; init; }

    public static PredictText English { get; } = new()
    {
        Toggle = "Predict",
        ToggleHint = "Before each step that can block or fail, say what the kernel will do; then the step runs for real.",
        Heading = "Predict, then see",
        Hint = "The run is held before a step: what will the kernel do?",
        KeysHint = n => $"Press 1–{n} or pick a button.",
        Waiting = "Waiting for the kernel…",
        UntilNextQuestion = "The processes go on until the next step worth predicting…",
        Ended = "The run has ended: no more questions.",
        LatestHeading = "What the kernel did",
        HistoryHeading = "Your predictions",
        ReplayHeading = "Predictions made in this run",
        NoneJudged = "No prediction judged yet.",
        Score = (right, judged) => $"{right} of {judged} right",
        Unanswered = n => $"{n} not answered",
    };

    public static PredictText Chinese { get; } = new()
    {
        Toggle = "预测模式",
        ToggleHint = "在每个可能阻塞或失败的步骤之前，先说出内核会怎么做；然后这一步真实运行。",
        Heading = "先预测，再观看",
        Hint = "运行暂停在一个步骤之前：内核会怎么做？",
        KeysHint = n => $"按 1–{n} 键或点击按钮作答。",
        Waiting = "等待内核……",
        UntilNextQuestion = "进程继续运行，直到下一个值得预测的步骤……",
        Ended = "运行已结束：没有更多问题了。",
        LatestHeading = "内核的实际行为",
        HistoryHeading = "你的预测",
        ReplayHeading = "这次运行中的预测",
        NoneJudged = "还没有已判定的预测。",
        Score = (right, judged) => $"{judged} 题中答对 {right} 题",
        Unanswered = n => $"{n} 题未作答",
    };
}

using Bunit;
using IpcPlayground.Client.Components.Predict;
using IpcPlayground.Client.Localization;
using IpcPlayground.Client.Services;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Runs;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.ClientTests;

/// <summary>
/// Predict mode as a student meets it: the held step's question with a button per choice, answered by click or digit
/// key; then the kernel's verdict beside the prediction, why, and the run's score — in either language.
/// </summary>
public sealed class PredictPanelTests : BunitContext
{
    private readonly List<AnswerRequest> _sent = [];

    /// <summary>What the server says to the next answer: null accepts it.</summary>
    private string? _refusal;

    public PredictPanelTests() => Services.AddScoped<KeyboardShortcuts>();

    private static readonly Dictionary<string, string> EmptyPipeFacts = new() { ["call"] = "read(2)", ["object"] = "p", ["buffered"] = "0", ["writers"] = "parent" };

    /// <summary>The lesson "an empty pipe blocks its reader" in predict mode: the reader is held before its read, and asked.</summary>
    private static Events ReaderAsked() => new Events()
        .Start(0, "parent").Start(1, "reader")
        .Paused(2, "reader", "read", "p")
        .Question(2, "reader", "read", "p", "outcome", "read(2)", ["returns", "eof", "blocks", "fails:EBADF"]);

    /// <summary>The reader predicted <paramref name="choice"/>; its read blocked; then the parent is held before its write and asked twice.</summary>
    private static Events ReaderJudged(string choice) => ReaderAsked()
        .Answer(3, "reader", "read", "p", "outcome", choice)
        .Blocked(4, 3, "reader", "read", "p")
        .Outcome(4, "reader", "read", "p", "outcome", choice, "blocks", "read-empty-writers", EmptyPipeFacts)
        .Paused(5, "parent", "write", "p")
        .Question(5, "parent", "write", "p", "outcome", "write(2)", ["returns", "blocks", "killed:SIGPIPE", "fails:EPIPE", "fails:EBADF"])
        .Question(5, "parent", "write", "p", "wakes", "write(2)", ["wakes:reader", "nobody"]);

    private IRenderedComponent<PredictPanel> RenderPanel(Events events, UiText? text = null, bool finished = false) =>
        Render<PredictPanel>(p => p.Add(c => c.Events, events.List).Add(c => c.Finished, finished)
            .Add(c => c.OnAnswer, answer =>
            {
                _sent.Add(answer);
                return Task.FromResult(_refusal);
            })
            .AddCascadingValue(text ?? UiText.English));

    private static IReadOnlyList<string?> Choices(IRenderedComponent<PredictPanel> cut, string? process = null) =>
        [.. cut.FindAll(process is null ? "[data-testid=predict-choice]" : $"[data-testid=predict-question][data-process={process}] [data-testid=predict-choice]")
            .Select(b => b.GetAttribute("data-choice"))];

    private Task PressAsync(string key, bool inTextField = false) =>
        Services.GetRequiredService<KeyboardShortcuts>().HandleAsync(new KeyboardEventArgs { Key = key }, inTextField);

    [Fact]
    public void The_held_steps_question_shows_its_prompt_and_a_numbered_button_per_choice()
    {
        var cut = RenderPanel(ReaderAsked());

        Assert.Contains("What will read(2) on p do?", cut.Find("[data-testid=predict-prompt]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["returns", "eof", "blocks", "fails:EBADF"], Choices(cut));
        var blocks = cut.Find("[data-testid=predict-choice][data-choice=blocks]");
        Assert.Equal("3", blocks.QuerySelector("kbd")!.TextContent);
        Assert.Contains("blocks: sleeps in the kernel", blocks.TextContent, StringComparison.Ordinal);
        Assert.Equal("Press 1–4 or pick a button.", cut.Find("[data-testid=predict-keys-hint]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=predict-outcome]"));
    }

    [Fact]
    public void Clicking_a_choice_sends_it_for_the_question_on_screen_and_then_waits_for_the_kernel()
    {
        var cut = RenderPanel(ReaderAsked());

        cut.Find("[data-testid=predict-choice][data-choice=blocks]").Click();

        Assert.Equal([new AnswerRequest("reader", "outcome", "blocks", "1", null)], _sent);
        Assert.Equal("true", cut.Find("[data-testid=predict-choice][data-choice=blocks]").GetAttribute("aria-pressed"));
        Assert.All(cut.FindAll("[data-testid=predict-choice]"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.Equal("Waiting for the kernel…", cut.Find("[data-testid=predict-waiting]").TextContent);

        // A second click cannot answer twice.
        cut.Find("[data-testid=predict-choice][data-choice=eof]").Click();
        Assert.Single(_sent);
    }

    [Fact]
    public async Task A_digit_key_picks_that_choice_of_the_first_open_question_but_not_while_typing()
    {
        var cut = RenderPanel(ReaderAsked());

        await PressAsync("3", inTextField: true);
        await PressAsync("7");
        Assert.Empty(_sent);

        await cut.InvokeAsync(() => PressAsync("3"));
        Assert.Equal([new AnswerRequest("reader", "outcome", "blocks", "1", null)], _sent);
        cut.WaitForAssertion(() => Assert.Equal("Waiting for the kernel…", cut.Find("[data-testid=predict-waiting]").TextContent));
    }

    [Fact]
    public async Task With_two_questions_open_the_digits_answer_them_in_turn()
    {
        var cut = RenderPanel(ReaderJudged("blocks"));
        Assert.Equal(["returns", "blocks", "killed:SIGPIPE", "fails:EPIPE", "fails:EBADF"], Choices(cut, "parent").Take(5));
        Assert.Equal(["1", "2", "3", "4", "5"], cut.FindAll("[data-testid=predict-question][data-about=outcome] kbd").Select(k => k.TextContent));
        Assert.Empty(cut.FindAll("[data-testid=predict-question][data-about=wakes] kbd"));

        await cut.InvokeAsync(() => PressAsync("1"));
        await cut.InvokeAsync(() => PressAsync("1"));

        Assert.Equal([new AnswerRequest("parent", "outcome", "returns", "1", null), new AnswerRequest("parent", "wakes", "wakes:reader", "1", null)], _sent);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=predict-waiting]")));
    }

    [Fact]
    public void A_refused_answer_is_shown_as_an_alert_and_the_question_can_be_answered_again()
    {
        _refusal = "the open question is outcome of process 'reader' before step 1";
        var cut = RenderPanel(ReaderAsked());

        cut.Find("[data-testid=predict-choice][data-choice=eof]").Click();

        var error = cut.Find("[data-testid=predict-error]");
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Equal(_refusal, error.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=predict-waiting]"));
        _refusal = null;
        cut.Find("[data-testid=predict-choice][data-choice=blocks]").Click();
        Assert.Equal(["eof", "blocks"], _sent.Select(a => a.Choice));
        Assert.Empty(cut.FindAll("[data-testid=predict-error]"));
    }

    [Fact]
    public void A_right_prediction_is_confirmed_beside_the_kernels_and_explained()
    {
        var cut = RenderPanel(ReaderJudged("blocks"));

        var card = cut.Find("[data-testid=predict-outcome]");
        Assert.Equal("true", card.GetAttribute("data-correct"));
        Assert.Contains("right", cut.Find("[data-testid=predict-verdict]").TextContent, StringComparison.Ordinal);
        Assert.Equal("blocks: sleeps in the kernel", cut.Find("[data-testid=predict-said]").TextContent);
        Assert.Equal("blocks: sleeps in the kernel", cut.Find("[data-testid=predict-actual]").TextContent);
        Assert.Equal("p held 0 bytes and a writer (parent) still held its write end, so read(2) slept", cut.Find("[data-testid=predict-explanation]").TextContent);
        // The next step's questions are already there to answer.
        Assert.Equal(["outcome", "wakes"], cut.FindAll("[data-testid=predict-question]").Select(q => q.GetAttribute("data-about")));
    }

    [Fact]
    public void A_wrong_prediction_says_so_in_chinese_with_the_explanation_in_chinese()
    {
        var cut = RenderPanel(ReaderJudged("eof"), UiText.Chinese);

        Assert.Equal("false", cut.Find("[data-testid=predict-outcome]").GetAttribute("data-correct"));
        Assert.Contains("错误", cut.Find("[data-testid=predict-verdict]").TextContent, StringComparison.Ordinal);
        Assert.Equal("返回 0：文件结束", cut.Find("[data-testid=predict-said]").TextContent);
        Assert.Equal("阻塞：在内核中睡眠", cut.Find("[data-testid=predict-actual]").TextContent);
        Assert.Equal("p 中有 0 字节，而写者（parent）仍持有写端，所以 read(2) 睡眠", cut.Find("[data-testid=predict-explanation]").TextContent);
        Assert.Equal("1 题中答对 0 题", cut.Find("[data-testid=predict-score]").TextContent);
        Assert.Contains("对 p 的 write(2) 会怎样？", cut.Find("[data-testid=predict-question][data-about=outcome] [data-testid=predict-prompt]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_score_counts_right_answers_of_those_judged_and_the_history_lists_every_outcome()
    {
        var events = ReaderJudged("blocks")
            .Answer(6, "parent", "write", "p", "outcome", "returns").Answer(6, "parent", "write", "p", "wakes", "nobody")
            .Call(7, "parent", "write", "p")
            .Outcome(7, "parent", "write", "p", "outcome", "returns", "returns", "write-room", new Dictionary<string, string> { ["call"] = "write(2)", ["object"] = "p", ["buffered"] = "0", ["capacity"] = "65536", ["size"] = "7" })
            .Outcome(7, "parent", "write", "p", "wakes", "nobody", "wakes:reader", "woke", new Dictionary<string, string> { ["call"] = "write(2)", ["object"] = "p", ["woken"] = "reader" })
            .Paused(8, "parent", "wait", target: "reader")
            .Question(8, "parent", "wait", null, "outcome", "waitpid(2)", ["returns", "blocks", "fails:ECHILD"], step: "2")
            .Answer(9, "parent", "wait", null, "outcome", "blocks", step: "2")
            .Blocked(10, 9, "parent", "wait", target: "reader")
            .Outcome(10, "parent", "wait", null, "outcome", "blocks", "blocks", "child-running", new Dictionary<string, string> { ["call"] = "waitpid(2)", ["target"] = "reader" }, step: "2");

        var cut = RenderPanel(events);

        var score = cut.Find("[data-testid=predict-score]");
        Assert.Equal("3 of 4 right", score.TextContent);
        Assert.Equal(["true", "true", "false", "true"], cut.FindAll("[data-testid=predict-history-item]").Select(i => i.GetAttribute("data-correct")));
        Assert.Contains("reader was blocked in a call on p", cut.FindAll("[data-testid=predict-history-explanation]")[2].TextContent, StringComparison.Ordinal);
        // The card is the step judged last; nothing is open, so the run goes on to the next question.
        Assert.Equal("waitpid(2)", cut.Find("[data-testid=predict-outcome] code").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=predict-choice]"));
        Assert.NotNull(cut.Find("[data-testid=predict-idle]"));
    }

    [Fact]
    public void Resume_leaves_the_open_questions_unanswered_and_a_finished_run_asks_nothing()
    {
        var resumed = ReaderJudged("blocks").Call(6, "parent", "write", "p").Call(7, "reader", "read", "p");
        var cut = RenderPanel(resumed);
        Assert.Empty(cut.FindAll("[data-testid=predict-question]"));
        Assert.Equal("2 not answered", cut.Find("[data-testid=predict-unanswered]").TextContent.TrimStart('·', ' '));

        var ended = ReaderAsked().End(9, RunStatuses.Killed);
        cut = RenderPanel(ended, finished: true);
        Assert.Empty(cut.FindAll("[data-testid=predict-choice]"));
        Assert.NotNull(cut.Find("[data-testid=predict-ended]"));
        Assert.All(cut.FindAll("[data-testid=predict-resume], [data-testid=predict-stop]"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void Resume_and_stop_reach_the_run()
    {
        var (resumed, stopped) = (false, false);
        var cut = Render<PredictPanel>(p => p.Add(c => c.Events, ReaderAsked().List).Add(c => c.OnAnswer, _ => Task.FromResult<string?>(null))
            .Add(c => c.OnResume, () => resumed = true).Add(c => c.OnStop, () => stopped = true));
        cut.Find("[data-testid=predict-resume]").Click();
        cut.Find("[data-testid=predict-stop]").Click();
        Assert.True(resumed && stopped);
    }
}

using Bunit;
using IpcPlayground.Client.Components.Workshops;
using IpcPlayground.Client.Localization;
using IpcPlayground.Client.Services.Workshops;
using IpcPlayground.Contracts.Workshops;
using Microsoft.AspNetCore.Components;

namespace IpcPlayground.ClientTests;

/// <summary>Predicting together: the board's bars per step as the room answers, the instructor's hold, and what a participant is told.</summary>
public sealed class RoomPredictionTests : BunitContext
{
    private static readonly DateTimeOffset Started = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
    private static readonly WorkshopExperiment[] Experiments = [new(0, "Reading an empty pipe blocks", "e1"), new(1, "A full pipe blocks the writer", "e2")];

    private static PredictionTally ReaderRead(int returns, int blocks, params TalliedOutcome[] outcomes) =>
        new("reader", "0", null, "read", "p", "outcome",
            [new("returns", "returns at once", returns), new("eof", "returns 0: end of file", 0), new("blocks", "blocks", blocks), new("fails:EBADF", "fails with EBADF", 0)],
            returns + blocks, outcomes);

    private static PredictionTally WriterWrite(int returns) =>
        new("writer", "2", null, "write", "p", "outcome", [new("returns", "returns at once", returns), new("blocks", "blocks", 0)], returns, []);

    private static RoomPredictionState Loaded(params PredictionTally[] steps)
    {
        var state = new RoomPredictionState();
        state.Load(new PredictionAggregate("pr1", "e1", "Reading an empty pipe blocks", false, Started, steps));
        return state;
    }

    private IRenderedComponent<PredictionSection> RenderSection(RoomPredictionState state, int roomSize = 5, Action<ComponentParameterCollectionBuilder<PredictionSection>>? more = null) =>
        Render<PredictionSection>(p =>
        {
            p.Add(c => c.State, state).Add(c => c.Experiments, Experiments).Add(c => c.RoomSize, roomSize)
                .Add(c => c.ObjectTypes, new Dictionary<string, string> { ["p"] = "pipe" });
            more?.Invoke(p);
        });

    [Fact]
    public void Each_choice_has_a_bar_with_its_count_and_share_and_the_kernels_choice_is_marked_right()
    {
        var cut = RenderSection(Loaded(ReaderRead(returns: 1, blocks: 3, new TalliedOutcome("blocks", 4))));

        var step = cut.Find("[data-testid=prediction-step]");
        Assert.Equal(("reader", "0", "outcome"), (step.GetAttribute("data-process"), step.GetAttribute("data-step"), step.GetAttribute("data-about")));
        // Events count steps from 0; the board, read out in a room, from 1.
        Assert.Equal("reader, step 1", step.QuerySelector(".prediction-question strong")!.TextContent);
        Assert.Contains("What will read(2) on p do?", step.QuerySelector("[data-testid=prediction-prompt]")!.TextContent, StringComparison.Ordinal);
        var bars = cut.FindAll("[data-testid=prediction-bar]");
        Assert.Equal(["returns", "eof", "blocks", "fails:EBADF"], bars.Select(b => b.GetAttribute("data-choice")));
        Assert.Equal(["1", "0", "3", "0"], bars.Select(b => b.GetAttribute("data-count")));
        Assert.Equal("3 · 75%", bars[2].QuerySelector(".prediction-count")!.TextContent);
        Assert.Equal("1 · 25%", bars[0].QuerySelector(".prediction-count")!.TextContent);
        Assert.Equal("width: 75%", bars[2].QuerySelector(".bar-fill")!.GetAttribute("style"));
        Assert.Equal(["false", "false", "true", "false"], bars.Select(b => b.GetAttribute("data-right")));
        Assert.Single(cut.FindAll("[data-testid=prediction-right]"));
        Assert.Contains("right", bars[2].ClassList);
        Assert.Equal("4 of 5 answered", cut.Find("[data-testid=prediction-answered]").TextContent);
        var outcome = cut.Find("[data-testid=prediction-outcome]");
        Assert.Equal("blocks", outcome.GetAttribute("data-actual"));
        Assert.Contains("blocks: sleeps in the kernel", outcome.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_kernel_shows_what_it_did_no_choice_is_right_and_no_outcome_is_said()
    {
        var cut = RenderSection(Loaded(ReaderRead(returns: 2, blocks: 0)));

        Assert.All(cut.FindAll("[data-testid=prediction-bar]"), b => Assert.Equal("false", b.GetAttribute("data-right")));
        Assert.Empty(cut.FindAll("[data-testid=prediction-outcome]"));
        Assert.Equal("2 · 100%", cut.Find("[data-testid=prediction-bar][data-choice=returns] .prediction-count").TextContent);
    }

    [Fact]
    public void A_step_nobody_answered_yet_has_empty_bars_not_a_division_by_zero()
    {
        var cut = RenderSection(Loaded(ReaderRead(returns: 0, blocks: 0)));

        Assert.All(cut.FindAll("[data-testid=prediction-bar] .prediction-count"), c => Assert.Equal("0 · 0%", c.TextContent));
        Assert.Equal("0 of 5 answered", cut.Find("[data-testid=prediction-answered]").TextContent);
    }

    [Fact]
    public void A_steps_questions_stay_together_in_the_order_asked_whichever_tally_arrives_first()
    {
        var wakes = new PredictionTally("writer", "2", null, "write", "p", "wakes", [new("wakes:reader", "wakes reader", 1), new("nobody", "wakes nobody", 0)], 1, []);
        var state = Loaded(ReaderRead(returns: 1, blocks: 0));
        state.Apply(wakes);
        state.Apply(ReaderRead(returns: 0, blocks: 1) with { Step = "1" });
        state.Apply(WriterWrite(returns: 1));

        Assert.Equal([("reader", "0", "outcome"), ("writer", "2", "outcome"), ("writer", "2", "wakes"), ("reader", "1", "outcome")],
            state.Steps.Select(s => (s.Process, s.Step, s.About)));
    }

    [Fact]
    public void Tallies_take_their_questions_place_new_questions_join_in_the_order_met_and_a_late_tally_does_not_step_back()
    {
        var state = Loaded(ReaderRead(returns: 1, blocks: 0));
        state.Apply(WriterWrite(returns: 1));
        state.Apply(ReaderRead(returns: 1, blocks: 1));
        state.Apply(ReaderRead(returns: 1, blocks: 1, new TalliedOutcome("blocks", 1)));
        // Sent before the one above, arrived after it: the board keeps the fuller count.
        state.Apply(ReaderRead(returns: 1, blocks: 1));
        // Inside a loop, each time round is a question of its own.
        state.Apply(ReaderRead(returns: 0, blocks: 1) with { Step = "3.1", Iteration = 0 });
        state.Apply(ReaderRead(returns: 1, blocks: 0) with { Step = "3.1", Iteration = 1 });

        var cut = RenderSection(state);

        var steps = cut.FindAll("[data-testid=prediction-step]");
        Assert.Equal(["reader", "writer", "reader", "reader"], steps.Select(s => s.GetAttribute("data-process")));
        Assert.Equal([null, null, "0", "1"], steps.Select(s => s.GetAttribute("data-iteration")));
        Assert.Equal("reader, step 4.2, round 2", steps[3].QuerySelector(".prediction-question strong")!.TextContent);
        Assert.Equal(["1", "0"], steps.Skip(2).Select(s => s.QuerySelector("[data-choice=blocks]")!.GetAttribute("data-count")));
        Assert.Equal(["1", "0", "1", "0"], steps[0].QuerySelectorAll("[data-testid=prediction-bar]").Select(b => b.GetAttribute("data-count")));
        Assert.Equal("blocks", steps[0].QuerySelector("[data-testid=prediction-outcome]")!.GetAttribute("data-actual"));
        Assert.Null(steps[2].QuerySelector("[data-testid=prediction-outcome]"));
    }

    [Fact]
    public void A_new_prediction_starts_with_no_steps_while_holding_the_same_one_keeps_them()
    {
        var state = Loaded(ReaderRead(returns: 1, blocks: 1));

        state.SetCurrent(new RoomPrediction("pr1", "e1", "Reading an empty pipe blocks", true, Started));
        Assert.Single(state.Steps);
        Assert.True(state.Current!.Hold);

        state.SetCurrent(new RoomPrediction("pr2", "e2", "A full pipe blocks the writer", false, Started));
        Assert.Empty(state.Steps);
        var cut = RenderSection(state);
        Assert.Contains("A full pipe blocks the writer", cut.Find("[data-testid=prediction-current]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=prediction-waiting]"));

        state.SetCurrent(null);
        cut.Render();
        Assert.NotNull(cut.Find("[data-testid=prediction-ended]"));
        Assert.Empty(cut.FindAll("[data-testid=prediction-hold]"));
    }

    [Fact]
    public void The_hold_buttons_follow_the_rooms_hold_and_say_what_the_instructor_chose()
    {
        var holds = new List<bool>();
        var released = 0;
        var started = new List<string>();
        var state = Loaded();
        var cut = RenderSection(state, more: p => p
            .Add(c => c.OnHold, (bool hold) => holds.Add(hold))
            .Add(c => c.OnRelease, () => released++)
            .Add(c => c.OnStart, (string id) => started.Add(id)));

        Assert.Equal("false", cut.Find("[data-testid=prediction-current]").GetAttribute("data-hold"));
        Assert.True(cut.Find("[data-testid=prediction-release]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=prediction-let-go]").HasAttribute("disabled"));
        cut.Find("[data-testid=prediction-hold]").Click();

        state.SetCurrent(new RoomPrediction("pr1", "e1", "Reading an empty pipe blocks", true, Started));
        cut.Render();
        Assert.Equal("true", cut.Find("[data-testid=prediction-current]").GetAttribute("data-hold"));
        Assert.Contains("answered steps wait", cut.Find("[data-testid=prediction-current]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=prediction-hold]").HasAttribute("disabled"));
        cut.Find("[data-testid=prediction-release]").Click();
        cut.Find("[data-testid=prediction-let-go]").Click();

        cut.Find("[data-testid=prediction-experiment]").Change("e2");
        cut.Find("form").Submit();

        Assert.Equal([true, false], holds);
        Assert.Equal(1, released);
        Assert.Equal(["e2"], started);
    }

    [Fact]
    public void Before_any_prediction_the_board_explains_it_and_offers_no_download()
    {
        var cut = RenderSection(new RoomPredictionState());

        Assert.NotNull(cut.Find("[data-testid=prediction-intro]"));
        Assert.Empty(cut.FindAll("[data-testid=prediction-csv]"));
        Assert.Equal(["e1", "e2"], cut.FindAll("[data-testid=prediction-experiment] option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void A_participant_is_told_of_the_prediction_and_while_the_room_is_held_that_their_step_waits()
    {
        var prediction = new RoomPrediction("pr1", "e1", "Reading an empty pipe blocks", false, Started);
        var cut = Render<RoomPredictionBanner>(p => p.Add(c => c.Prediction, prediction));

        Assert.Equal("Your instructor started a prediction: Reading an empty pipe blocks. Say what each step will do in your run.",
            cut.Find("[data-testid=prediction-received]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=prediction-held]"));

        cut.Render(p => p.Add(c => c.Prediction, prediction with { Hold = true }));
        Assert.Equal("The room is held: your step runs when the instructor lets it go", cut.Find("[data-testid=prediction-held]").TextContent);
    }

    [Fact]
    public void A_participants_own_answers_say_what_they_said_what_the_kernel_did_and_whether_they_were_right()
    {
        MyPrediction Answer(string step, string choice, string? actual, bool? correct, int minute) =>
            new("run1", "reader", step, null, "read", "p", "outcome", choice, actual, correct, null, Started.AddMinutes(minute));
        var cut = Render<MyPredictionsList>(p => p.Add(c => c.Predictions,
            [Answer("1", "blocks", "blocks", true, 0), Answer("3", "returns", "eof", false, 1), Answer("5", "blocks", null, null, 2)]));

        var rows = cut.FindAll("[data-testid=my-prediction]");
        Assert.Equal(["5", "3", "1"], rows.Select(r => r.GetAttribute("data-step")));
        Assert.Equal([null, "false", "true"], rows.Select(r => r.GetAttribute("data-correct")));
        Assert.Contains("waiting for the kernel", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("returns 0: end of file", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("wrong", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("right", rows[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void In_chinese_the_question_the_choices_and_the_outcome_are_chinese()
    {
        RenderFragment section = b =>
        {
            b.OpenComponent<PredictionSection>(0);
            b.AddComponentParameter(1, nameof(PredictionSection.State), Loaded(ReaderRead(returns: 1, blocks: 1, new TalliedOutcome("blocks", 2))));
            b.AddComponentParameter(2, nameof(PredictionSection.Experiments), Experiments);
            b.AddComponentParameter(3, nameof(PredictionSection.RoomSize), 2);
            b.CloseComponent();
        };
        var cut = Render<CascadingValue<UiText>>(p => p.Add(c => c.Value, UiText.Chinese).Add(c => c.ChildContent, section));

        Assert.Contains("阻塞：在内核中睡眠", cut.Find("[data-testid=prediction-bar][data-choice=blocks]").TextContent, StringComparison.Ordinal);
        Assert.Contains("内核", cut.Find("[data-testid=prediction-outcome]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2 人中 2 人已作答", cut.Find("[data-testid=prediction-answered]").TextContent);
        Assert.Equal(WorkshopText.Chinese.StartPrediction, cut.Find("[data-testid=prediction-start]").TextContent);
    }
}

using Bunit;
using IpcPlayground.Client.Components.Timeline;
using IpcPlayground.Client.Services.Timeline;

namespace IpcPlayground.ClientTests;

/// <summary>The timeline's layout: lanes, blocked spans, which write woke which read, and the view's zoom and pan.</summary>
public sealed class TimelineTests : BunitContext
{
    /// <summary>The reader blocks on an empty pipe at 1 ms; the writer writes at 5 ms; the read returns at 5.1 ms.</summary>
    private static Events EmptyPipe() => new Events()
        .Start(0, "writer").Start(0.5, "reader")
        .Call(0.8, "writer", "write", "p")                     // an earlier write the reader already consumed
        .Call(0.9, "reader", "read", "p")
        .Blocked(1.5, 1, "reader", "read", "p")
        .Call(5, "writer", "write", "p")
        .Call(5.1, "reader", "read", "p")
        .Exit(6, "reader").Exit(7, "writer");

    [Fact]
    public void Each_process_gets_a_lane_in_order_of_appearance_and_each_call_a_mark_at_its_time()
    {
        var model = TimelineModel.Build(EmptyPipe().List);
        Assert.Equal(["writer", "reader"], model.Lanes);
        var reads = model.Marks.Where(m => m.Process == "reader" && m.Label == "read").ToList();
        Assert.Equal([900_000L, 5_100_000L], reads.Select(m => m.TNs));
        Assert.Equal(7_000_000L, model.EndNs);
    }

    [Fact]
    public void A_blocked_span_runs_from_since_to_the_return_of_the_call()
    {
        var span = Assert.Single(TimelineModel.Build(EmptyPipe().List).Spans);
        Assert.Equal(("reader", 1_000_000L, (long?)5_100_000L, "read", "p"), (span.Process, span.FromNs, span.ToNs, span.Call, span.Object));
    }

    [Fact]
    public void A_call_still_blocked_has_an_open_span()
    {
        var events = new Events().Start(0, "a").Blocked(2, 1, "a", "semWait", "s");
        var span = Assert.Single(TimelineModel.Build(events.List).Spans);
        Assert.Null(span.ToNs);
    }

    [Fact]
    public void The_read_that_ended_a_blocked_span_is_woken_by_the_latest_write_on_its_object_before_it_returned()
    {
        var events = EmptyPipe();
        var arrow = Assert.Single(TimelineModel.Build(events.List).Arrows);
        Assert.Equal(6, arrow.From.Seq);   // the write at 5 ms, not the one at 0.8 ms
        Assert.Equal(7, arrow.To.Seq);
        Assert.Equal(("writer", "reader"), (arrow.FromProcess, arrow.ToProcess));
    }

    [Fact]
    public void A_write_on_another_object_wakes_nothing_and_a_post_wakes_a_wait()
    {
        var events = new Events().Start(0, "a").Start(0, "b")
            .Blocked(1, 0.5, "a", "semWait", "s")
            .Call(2, "b", "write", "p")
            .Call(3, "b", "semPost", "s")
            .Call(3.2, "a", "semWait", "s");
        var arrow = Assert.Single(TimelineModel.Build(events.List).Arrows);
        Assert.Equal("semPost(s)", arrow.Label);
    }

    [Fact]
    public void A_full_pipe_writer_is_woken_by_the_read_that_drained_it()
    {
        var events = new Events().Start(0, "writer").Start(0, "reader")
            .Blocked(1, 0.5, "writer", "write", "p")
            .Call(300, "reader", "read", "p")
            .Call(300.1, "writer", "write", "p");
        var arrow = Assert.Single(TimelineModel.Build(events.List).Arrows);
        Assert.Equal(("reader", "writer"), (arrow.FromProcess, arrow.ToProcess));
    }

    [Fact]
    public void A_handled_signal_is_drawn_from_the_kill_that_sent_it_and_a_wait_from_the_childs_exit()
    {
        var events = new Events().Start(0, "parent").Start(1, "child")
            .Call(2, "parent", "signal", target: "child", signal: "SIGUSR1")
            .Signal(2.1, "child", "SIGUSR1", "handled")
            .Blocked(3, 2.5, "parent", "wait", target: "child")
            .Exit(4, "child")
            .Call(4.1, "parent", "wait", target: "child");
        var arrows = TimelineModel.Build(events.List).Arrows;
        Assert.Contains(arrows, a => a.From.Seq == 3 && a.To.Seq == 4 && a.Label == "SIGUSR1");
        Assert.Contains(arrows, a => a.From.Seq == 6 && a.To.Seq == 7);
    }

    [Fact]
    public void Zooming_in_halves_the_window_and_panning_stops_following()
    {
        var viewport = new TimelineViewport();
        viewport.Update(10_000_000);
        Assert.True(viewport.Whole);
        Assert.Equal(0, viewport.StartNs);
        Assert.True(viewport.EndNs >= 10_000_000);

        var span = viewport.SpanNs;
        viewport.Zoom(0.5, 0.5, 10_000_000);
        Assert.Equal(span / 2, viewport.SpanNs);
        Assert.False(viewport.Whole);
        Assert.True(viewport.Following);

        viewport.Pan(-0.5, 10_000_000);
        Assert.False(viewport.Following);
        viewport.Update(50_000_000);                // the run goes on, the view stays where it was put
        Assert.True(viewport.EndNs < 50_000_000);
        viewport.ShowWhole(50_000_000);
        Assert.True(viewport.EndNs >= 50_000_000);
    }

    [Fact]
    public void The_view_follows_a_zoomed_run_as_it_grows()
    {
        var viewport = new TimelineViewport();
        viewport.Update(10_000_000);
        viewport.Zoom(0.25, 1, 10_000_000);
        viewport.Update(40_000_000);
        Assert.True(viewport.StartNs <= 40_000_000 && viewport.EndNs >= 40_000_000);
    }

    [Fact]
    public void The_component_draws_lanes_marks_spans_and_arrows_and_zooms_by_keyboard()
    {
        var cut = Render<TimelineView>(p => p.Add(c => c.Events, EmptyPipe().List));

        Assert.Equal(["writer", "reader"], cut.FindAll("[data-testid=timeline-lane]").Select(l => l.GetAttribute("data-process")));
        Assert.Equal(4, cut.FindAll("[data-testid=timeline-mark][data-kind=syscall]").Count);
        Assert.Equal("p", cut.Find("[data-testid=timeline-span]").GetAttribute("data-object"));
        Assert.Equal("6", cut.Find("[data-testid=timeline-arrow]").GetAttribute("data-from-seq"));

        var before = cut.Instance.Viewport.SpanNs;
        cut.Find("[data-testid=timeline-frame]").KeyDown(Key.Add);
        Assert.True(cut.Instance.Viewport.SpanNs < before);
        cut.Find("[data-testid=timeline-zoom-out]").Click();
        cut.Find("[data-testid=timeline-frame]").KeyDown(Key.Left);
        Assert.Equal("false", cut.Find("[data-testid=timeline-follow]").GetAttribute("aria-pressed"));
        cut.Find("[data-testid=timeline-fit]").Click();
        Assert.Equal("true", cut.Find("[data-testid=timeline-fit]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void A_signal_the_kernel_raised_is_marked_apart_from_one_a_process_sent()
    {
        var events = new Events().Start(0, "a").Start(0.1, "b")
            .Signal(1, "a", "SIGUSR1", "handled", "SI_QUEUE", "b")
            .Signal(2, "a", "SIGSEGV", "handled", "SEGV_MAPERR")
            .Signal(3, "a", "SIGCHLD", "handled", "CLD_EXITED", "b");
        var cut = Render<TimelineView>(p => p.Add(c => c.Events, events.List));
        var kernel = cut.FindAll("[data-testid=timeline-mark][data-kind=signal][data-from=kernel]").Select(m => m.GetAttribute("data-op")).ToList();
        Assert.Equal(["SIGSEGV", "SIGCHLD"], kernel);
        Assert.Equal(3, cut.FindAll("[data-testid=timeline-mark][data-kind=signal]").Count);
    }

    [Fact]
    public void An_execd_program_has_its_band_on_its_process_lane_from_the_exec_to_the_end_and_its_output_marks()
    {
        var events = new Events().Start(0, "shell").Start(1, "counter")
            .Call(2, "counter", "close", "p")
            .Exec(3, "counter", "/usr/bin/wc")
            .Output(4, "counter", "stdout", "14\n")
            .Exit(5, "counter");
        var program = Assert.Single(TimelineModel.Build(events.List).Programs);
        Assert.Equal(("counter", "wc", 3_000_000L, 5_000_000L), (program.Process, program.Program, program.FromNs, program.ToNs));
        var cut = Render<TimelineView>(p => p.Add(c => c.Events, events.List));
        Assert.Equal("wc", cut.Find("[data-testid=timeline-program]").GetAttribute("data-program"));
        Assert.Single(cut.FindAll("[data-testid=timeline-mark][data-kind=output]"));
    }

    [Fact]
    public void A_sleep_is_drawn_from_its_call_to_its_return()
    {
        var events = new Events().Start(0, "a").Slept(105, "a", 100).Exit(106, "a");
        var sleep = Assert.Single(TimelineModel.Build(events.List).Sleeps);
        Assert.Equal((5_000_000L, 105_000_000L), (sleep.FromNs, sleep.ToNs));
        var cut = Render<TimelineView>(p => p.Add(c => c.Events, events.List));
        Assert.Single(cut.FindAll("[data-testid=timeline-sleep][data-process=a]"));
    }

    [Fact]
    public void Calls_close_in_time_are_stacked_not_drawn_on_each_other_and_a_label_at_the_right_edge_ends_at_its_mark()
    {
        var events = new Events().Start(0, "a");
        for (var i = 0; i < 3; i++) events.Call(50 + i * 0.001, "a", "write", "p");
        events.Call(100, "a", "read", "p");
        var cut = Render<TimelineView>(p => p.Add(c => c.Events, events.List));
        var writes = cut.FindAll("[data-testid=timeline-mark][data-op=write]");
        Assert.Equal(["0", "1", "2"], writes.Select(w => w.GetAttribute("data-stacked")));
        Assert.Equal(3, writes.Select(w => w.QuerySelector("circle")!.GetAttribute("cy")).Distinct().Count());
        var last = cut.Find("[data-testid=timeline-mark][data-op=read] text.mark-label");
        Assert.Equal("end", last.GetAttribute("text-anchor"));
    }
}

using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Runs;
using IpcPlayground.Runs.Predictions;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.UnitTests.Predictions;

/// <summary>
/// The predictor as the run's events drive it: it lets the first held process go once the run is still, asks before
/// steps worth asking, and judges answers by the real call's events.
/// </summary>
public sealed class PredictorTests
{
    private const string EmptyPipe = """
        { "format": 1, "objects": [ { "id": "p", "type": "pipe" } ],
          "processes": [
            { "id": "parent", "steps": [ { "op": "spawn", "process": "reader" }, { "op": "sleep", "ms": 100 }, { "op": "write", "object": "p", "data": "hi" } ] },
            { "id": "reader", "parent": "parent", "steps": [ { "op": "read", "object": "p", "bytes": 8 } ] } ] }
        """;

    private readonly RunControl _control = new(RunModes.Predict, TimeProvider.System);
    private readonly Predictor _predictor;
    private long _seq;

    public PredictorTests() => _predictor = new Predictor(ExperimentReader.Read(EmptyPipe).Experiment!, _control);

    /// <summary>Feeds events as the run's log would (control first), and returns what the predictor adds after them.</summary>
    private List<RunEvent> Feed(params RunEvent[] events)
    {
        var numbered = events.Select(e => e with { Seq = ++_seq, TNs = _seq * 1000 }).ToArray();
        _control.Observe(numbered);
        var added = new List<RunEvent>();
        IReadOnlyList<RunEvent> next = [.. _predictor.Observe(numbered), .. _predictor.Advance()];
        while (next.Count > 0)
        {
            var more = next.Select(e => e with { Seq = ++_seq }).ToArray();
            added.AddRange(more);
            next = [.. _predictor.Observe(more), .. _predictor.Advance()];
        }
        return added;
    }

    private List<string> Released()
    {
        var released = new List<string>();
        while (_control.Commands.TryRead(out var command))
            if (command.Command == ControlCommands.Step) released.Add(command.Target!);
        return released;
    }

    private static PausedEvent Held(string process, string step, string op, string? obj = null, string? target = null) =>
        new() { Process = process, Pid = process.Length, Step = step, Op = op, Object = obj, Target = target };

    private static SyscallEvent Returned(string process, string step, string op, string? obj = null, long result = 0, IReadOnlyList<string>? woke = null) =>
        new() { Process = process, Step = step, Op = op, Object = obj, Result = result, Woke = woke };

    [Fact]
    public void The_empty_pipe_read_is_asked_while_the_writer_sleeps_and_judged_by_its_blocked_event()
    {
        Feed(new RunStartEvent(), new ProcessStartEvent { Process = "parent" }, Held("parent", "0", Ops.Spawn, target: "reader"));
        Assert.Equal(["parent"], Released());
        Feed(Returned("parent", "0", Ops.Spawn, result: 7) with { Target = "reader" });
        Assert.Empty(Released());
        Feed(Held("parent", "1", Ops.Sleep));
        Assert.Empty(Released());
        var question = Assert.IsType<QuestionEvent>(Assert.Single(Feed(new ProcessStartEvent { Process = "reader", Parent = "parent" }, Held("reader", "0", Ops.Read, "p"))));
        Assert.Equal(["parent"], Released());
        Assert.Equal(("reader", "0", "outcome"), (question.Process, question.Step, question.About));
        Assert.Equal("read(2)", question.Call);

        Assert.Equal(AnswerStatus.NoOpenQuestion, _predictor.Answer(new AnswerRequest("parent", "outcome", "blocks")).Status);
        Assert.Equal(AnswerStatus.NotOffered, _predictor.Answer(new AnswerRequest("reader", "outcome", "explodes")).Status);
        Assert.Equal(AnswerStatus.UnknownAbout, _predictor.Answer(new AnswerRequest("reader", "wakes", "nobody")).Status);
        Assert.Equal(AnswerStatus.OtherStep, _predictor.Answer(new AnswerRequest("reader", "outcome", "blocks", Step: "1")).Status);
        var answer = _predictor.Answer(new AnswerRequest("reader", "outcome", "blocks", Step: "0"));
        Assert.Equal((AnswerStatus.Recorded, "blocks"), (answer.Status, answer.Event!.Choice));
        Assert.Equal(AnswerStatus.AlreadyAnswered, _predictor.Answer(new AnswerRequest("reader", "outcome", "returns")).Status);
        Feed(answer.Event);
        Assert.Equal(["reader"], Released());

        Feed(new StateEvent { Process = "parent", State = new ProcessKernelState { Fds = [new() { Fd = 4, Object = "p", End = "write" }] } });
        var outcome = Assert.IsType<OutcomeEvent>(Assert.Single(Feed(new BlockedEvent { Process = "reader", Step = "0", Op = Ops.Read, Object = "p", Call = "read" })));
        Assert.Equal(("blocks", true), (outcome.Actual, outcome.Correct));
    }

    [Fact]
    public void A_write_that_wakes_the_blocked_reader_is_judged_by_the_woke_the_supervisor_saw()
    {
        Feed(new RunStartEvent(), new ProcessStartEvent { Process = "parent" }, Held("parent", "0", Ops.Spawn, target: "reader"));
        Feed(Returned("parent", "0", Ops.Spawn, result: 7) with { Target = "reader" }, Held("parent", "1", Ops.Sleep));
        Feed(Held("reader", "0", Ops.Read, "p"));
        Feed(_predictor.Answer(new AnswerRequest("reader", "outcome", "returns")).Event!);
        Released();
        Assert.Equal("blocks", Assert.IsType<OutcomeEvent>(Feed(new BlockedEvent { Process = "reader", Step = "0", Op = Ops.Read, Object = "p" }).Single()).Actual);
        Feed(Returned("parent", "1", Ops.Sleep));
        var asked = Feed(Held("parent", "2", Ops.Write, "p")).Cast<QuestionEvent>().ToList();
        Assert.Equal(["outcome", "wakes"], asked.Select(q => q.About));
        Feed(_predictor.Answer(new AnswerRequest("parent", "outcome", "returns")).Event!);
        Assert.Empty(Released());
        Feed(_predictor.Answer(new AnswerRequest("parent", "wakes", "nobody")).Event!);
        Assert.Equal(["parent"], Released());

        var outcomes = Feed(Returned("parent", "2", Ops.Write, "p", 2, woke: ["reader"])).Cast<OutcomeEvent>().ToList();
        Assert.Equal([("returns", true), ("wakes:reader", false)], outcomes.Select(o => (o.Actual, o.Correct == true)));
        Assert.Equal("reader was blocked in a call on p, and this write(2) let it go on: the kernel woke it", outcomes[1].Explanation);
    }

    [Fact]
    public void While_the_room_is_held_an_answered_step_waits_for_the_instructor()
    {
        Feed(new RunStartEvent(), new ProcessStartEvent { Process = "parent" }, Held("parent", "0", Ops.Spawn, target: "reader"));
        Feed(Returned("parent", "0", Ops.Spawn, result: 7) with { Target = "reader" }, Held("parent", "1", Ops.Sleep));
        Feed(Held("reader", "0", Ops.Read, "p"));
        Released();
        _predictor.RoomHeld = true;
        Feed(_predictor.Answer(new AnswerRequest("reader", "outcome", "blocks")).Event!);
        Assert.Empty(Released());
        Assert.Equal(TimeSpan.Zero, _control.Idle);
        _predictor.RoomHeld = false;
        Assert.Empty(_predictor.Advance());
        Assert.Equal(["reader"], Released());
    }

    [Fact]
    public void A_step_let_go_whose_call_never_returned_is_told_as_not_shown_before_the_run_end()
    {
        Feed(new RunStartEvent(), new ProcessStartEvent { Process = "parent" }, Held("parent", "0", Ops.Spawn, target: "reader"));
        Feed(Returned("parent", "0", Ops.Spawn, result: 7) with { Target = "reader" }, Held("parent", "1", Ops.Sleep));
        Feed(Held("reader", "0", Ops.Read, "p"));
        Feed(_predictor.Answer(new AnswerRequest("reader", "outcome", "blocks")).Event!);
        var closing = _predictor.Closing([new ErrorEvent { Message = "stopped" }, new RunEndEvent { Status = RunStatuses.Killed }]);
        Assert.Equal([EventKind.Error, EventKind.Outcome, EventKind.RunEnd], closing.Select(e => e.EventKind));
        var outcome = (OutcomeEvent)closing[1];
        Assert.Equal((null, null, "not-shown"), (outcome.Actual, outcome.Correct, outcome.Reason));
        Assert.Equal(AnswerStatus.Ended, _predictor.Answer(new AnswerRequest("reader", "outcome", "blocks")).Status);
    }

    [Fact]
    public void A_room_run_waits_for_the_rooms_discussion_without_going_idle_while_a_lone_one_does()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var alone = new RunControl(RunModes.Predict, time);
        var room = new RunControl(RunModes.Predict, time);
        room.PaceByRoom();
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(TimeSpan.FromMinutes(3), alone.Idle);
        Assert.Equal(TimeSpan.Zero, room.Idle);
    }
}


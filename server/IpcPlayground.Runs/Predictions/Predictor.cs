using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Predictions;
using IpcPlayground.Contracts.Runs;

namespace IpcPlayground.Runs.Predictions;

/// <summary>What became of an answer.</summary>
public enum AnswerStatus
{
    Recorded,
    NotPredicting,
    Ended,
    NoOpenQuestion,
    OtherStep,
    UnknownAbout,
    NotOffered,
    AlreadyAnswered,
}

public sealed record AnswerResult(AnswerStatus Status, AnswerEvent? Event = null, string? Detail = null);

/// <summary>
/// Predict mode's scheduler and judge for one run. Whenever every living process is held, blocked, asleep or gone, the first
/// held process in the experiment's order goes next: a step worth asking about waits for its answers, any other is let
/// go at once. Once let go, the step's own events — its <c>blocked</c> event, its <c>syscall</c> event (with the
/// processes it woke), its process's death — decide each answer. Called only under the run's publishing gate, one
/// caller at a time, so its events take their place in the run's order.
/// </summary>
public sealed class Predictor
{
    private readonly RunControl _control;
    private readonly IReadOnlyList<ProcessDefinition> _processes;
    private readonly PredictedProcesses _phases;
    private readonly KernelFacts _facts;
    private readonly bool _marksSteps;
    private readonly List<AskedStep> _judging = [];
    private AskedStep? _open;
    private bool _ended;
    private long _lastTNs;

    public Predictor(Experiment experiment, RunControl control)
    {
        _control = control;
        _processes = [.. (experiment.Processes ?? []).Where(p => p?.Id is not null)];
        _phases = new PredictedProcesses(_processes);
        _facts = new KernelFacts((experiment.Objects ?? []).Where(o => o?.Id is not null && o.Type is not null).ToDictionary(o => o.Id!, o => o.Type!, StringComparer.Ordinal));
        _marksSteps = PredictionQuestions.MarksSteps(experiment);
    }

    /// <summary>A workshop holds the room: answered steps wait until it lets them go.</summary>
    public bool RoomHeld
    {
        get;
        set
        {
            field = value;
            // Only a room holds a run: from now on the run goes at the room's pace.
            if (value) _control.PaceByRoom();
        }
    }

    /// <summary>Takes the run's numbered events; returns the outcomes they decided.</summary>
    public IReadOnlyList<RunEvent> Observe(IReadOnlyList<RunEvent> events)
    {
        var outcomes = new List<RunEvent>();
        foreach (var e in events)
        {
            _lastTNs = Math.Max(_lastTNs, e.TNs);
            _phases.Observe(e);
            if (e is StateEvent state) _facts.Observe(state);
            foreach (var asked in _judging.Where(a => a.Concerns(e)).ToList())
            {
                Judge(asked, e);
                outcomes.AddRange(Decided(asked, e.TNs));
                if (asked.Questions.All(q => asked.Actual.ContainsKey(q.About))) _judging.Remove(asked);
            }
        }
        return outcomes;
    }

    /// <summary>
    /// Lets the answered step go (unless the room is held), then, if the run is still, the next step: asked about
    /// (its questions are returned) or let go at once.
    /// </summary>
    /// <param name="throughHold">The instructor lets the answered steps go and goes on holding the room.</param>
    public IReadOnlyList<RunEvent> Advance(bool throughHold = false)
    {
        if (_ended || _control.IsFree) return [];
        if (_open is { } open)
        {
            if (!open.FullyAnswered || (RoomHeld && !throughHold)) return [];
            Release(open.Held);
            _judging.Add(open);
            _open = null;
            return [];
        }
        // Each step let go unasked may leave the run still (a sleep), and then the next held process goes.
        while (_phases.IsStill && _phases.FirstHeld is { Process: { } process } held)
            if (AskOrRelease(process, held) is { Count: > 0 } questions) return questions;
        return [];
    }

    /// <summary>The questions about the held step, or none when it was let go unasked.</summary>
    private List<RunEvent> AskOrRelease(string process, PausedEvent held)
    {
        var definition = StepAt(process, held.Step);
        var objectType = _facts.TypeOf(held.Object);
        var candidates = held.Op == Ops.Signal ? _phases.BlockedOn(null, process, held.Target)
            : held.Object is null ? [] : _phases.BlockedOn(held.Object, process);
        var questions = held.Phase is not null || held.Op is null ? []
            : PredictionQuestions.For(definition ?? new Step { Op = held.Op }, objectType, _marksSteps, candidates, _facts.LastValue(held.Object, definition));
        if (questions.Count == 0)
        {
            Release(held);
            return [];
        }
        var open = _open = new AskedStep(held, definition, objectType, questions, _facts.Before(held, definition, _phases.IsLiving), candidates);
        return [.. questions.Select(q => open.Describe(new QuestionEvent { TNs = _lastTNs, About = PredictionAbouts.NameOf(q.About), Choices = q.Choices, Call = SystemCalls.Of(held.Op!, objectType) }))];
    }

    public AnswerResult Answer(AnswerRequest request)
    {
        if (_ended) return new(AnswerStatus.Ended);
        if (_open is not { } open || _control.IsFree) return new(AnswerStatus.NoOpenQuestion, Detail: OpenDetail());
        if (open.Held.Process != request.Process || (request.Step is not null && (request.Step != open.Held.Step || request.Iteration != open.Held.Iteration)))
            return new(open.Held.Process == request.Process ? AnswerStatus.OtherStep : AnswerStatus.NoOpenQuestion, Detail: OpenDetail());
        if (PredictionAbouts.Parse(request.About) is not { } about || open.Questions.FirstOrDefault(q => q.About == about) is not { } question)
            return new(AnswerStatus.UnknownAbout, Detail: $"the open question of '{open.Held.Process}' is about " + string.Join(" and ", open.Questions.Select(q => PredictionAbouts.NameOf(q.About))));
        if (open.Answers.ContainsKey(about)) return new(AnswerStatus.AlreadyAnswered, Detail: $"'{request.About}' of this step was answered already");
        if (question.Choices.All(c => c.Choice != request.Choice))
            return new(AnswerStatus.NotOffered, Detail: $"'{request.Choice}' is not one of " + string.Join(", ", question.Choices.Select(c => c.Choice)));
        open.Answers[about] = request.Choice!;
        return new(AnswerStatus.Recorded, open.Describe(new AnswerEvent { TNs = _lastTNs, About = request.About, Choice = request.Choice }));
    }

    /// <summary>
    /// The run is ending: nothing more is asked or answered. Returns <paramref name="final"/> with an outcome before its
    /// <c>run-end</c> for each step let go whose call never showed what it did.
    /// </summary>
    public IReadOnlyList<RunEvent> Closing(IReadOnlyList<RunEvent> final)
    {
        if (_ended) return final;
        _ended = true;
        var end = final.Count(e => e is not RunEndEvent);
        var unresolved = new List<RunEvent>();
        foreach (var asked in _judging)
        {
            foreach (var question in asked.Questions) asked.Actual.TryAdd(question.About, null);
            unresolved.AddRange(Decided(asked, final.Count > 0 ? final[^1].TNs : _lastTNs));
        }
        _judging.Clear();
        return [.. final.Take(end), .. unresolved, .. final.Skip(end)];
    }

    /// <summary>The open questions as a 409 names them.</summary>
    public string OpenDetail() => _open is { } open
        ? $"the open question is {string.Join(" and ", open.Questions.Select(q => PredictionAbouts.NameOf(q.About)))} of process '{open.Held.Process}' before step {open.Held.Step}"
        : "no question is open right now (a step is running, or the run is still starting)";

    private void Release(PausedEvent held)
    {
        _control.Release(held.Process!);
        _phases.Released(held.Process!, held.Phase is null ? held.Op : null);
    }

    private static void Judge(AskedStep asked, RunEvent e)
    {
        switch (e)
        {
            case BlockedEvent:
                asked.Actual.TryAdd(PredictionAbout.Outcome, PredictionChoices.Blocks);
                break;
            case SyscallEvent call:
                asked.Call = call;
                asked.Actual.TryAdd(PredictionAbout.Outcome, PredictionJudge.OutcomeOf(call, asked.ObjectType));
                asked.Actual.TryAdd(PredictionAbout.Value, PredictionJudge.ValueOf(call));
                asked.Actual.TryAdd(PredictionAbout.Wakes, PredictionJudge.WakesOf(asked.WakeCandidates, call.Woke));
                break;
            case ProcessExitEvent exit:
                asked.Actual.TryAdd(PredictionAbout.Outcome, exit.Signal is { } signal ? PredictionChoices.Killed(signal) : null);
                asked.Actual.TryAdd(PredictionAbout.Value, null);
                asked.Actual.TryAdd(PredictionAbout.Wakes, null);
                break;
        }
    }

    /// <summary>An outcome event for each question whose actual is known and not yet told.</summary>
    private static IEnumerable<RunEvent> Decided(AskedStep asked, long tNs)
    {
        foreach (var question in asked.Questions)
        {
            if (!asked.Actual.TryGetValue(question.About, out var actual) || !asked.Told.Add(question.About)) continue;
            var facts = new Dictionary<string, string>(asked.FactsBefore, StringComparer.Ordinal);
            var reason = PredictionJudge.Reason(question.About, actual, asked.Held.Op!, asked.ObjectType, facts, asked.Call);
            var choice = asked.Answers.GetValueOrDefault(question.About);
            yield return asked.Describe(new OutcomeEvent
            {
                TNs = tNs, About = PredictionAbouts.NameOf(question.About), Choice = choice, Actual = actual,
                Correct = choice is null || actual is null ? null : choice == actual,
                Explanation = PredictionWords.English.Explain(reason, facts), Reason = ExplanationReasons.NameOf(reason), Facts = facts,
            });
        }
    }

    /// <summary>The step at <paramref name="path"/> (<c>"3.1"</c>: the second step of the fourth step's repeat) of a process's script.</summary>
    private Step? StepAt(string process, string? path)
    {
        IReadOnlyList<Step>? steps = _processes.FirstOrDefault(p => p.Id == process)?.Steps;
        Step? step = null;
        foreach (var part in (path ?? "").Split('.'))
        {
            if (steps is null || !int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var index) || index < 0 || index >= steps.Count) return null;
            step = steps[index];
            steps = step?.Steps;
        }
        return step;
    }
}

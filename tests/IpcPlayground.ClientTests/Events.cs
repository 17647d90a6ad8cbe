using IpcPlayground.Contracts.Json;
using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Predictions;

namespace IpcPlayground.ClientTests;

/// <summary>Events as a run sends them, numbered in order, with times in milliseconds for readability.</summary>
internal sealed class Events
{
    private readonly List<RunEvent> _list = [];

    public IReadOnlyList<RunEvent> List => _list;

    private T Add<T>(T e) where T : RunEvent
    {
        var numbered = e with { Seq = _list.Count + 1 };
        _list.Add(numbered);
        return (T)numbered;
    }

    private static long Ms(double ms) => (long)(ms * 1_000_000);

    public Events Start(double ms, string process) { Add(new ProcessStartEvent { TNs = Ms(ms), Process = process }); return this; }

    public Events Call(double ms, string process, string op, string? obj = null, string? target = null, string? signal = null, string? errno = null)
    {
        Add(new SyscallEvent { TNs = Ms(ms), Process = process, Op = op, Object = obj, Target = target, Signal = signal, Errno = errno, Result = 0 });
        return this;
    }

    public Events Blocked(double ms, double sinceMs, string process, string call, string? obj = null, string? target = null)
    {
        Add(new BlockedEvent { TNs = Ms(ms), SinceNs = Ms(sinceMs), Process = process, Op = call, Call = call, Object = obj, Target = target });
        return this;
    }

    public Events Signal(double ms, string process, string signal, string disposition, string? code = null, string? sender = null)
    {
        Add(new SignalEvent { TNs = Ms(ms), Process = process, Signal = signal, Disposition = disposition, Code = code, Sender = sender });
        return this;
    }

    public Events Slept(double ms, string process, double sleptMs) { Add(new SyscallEvent { TNs = Ms(ms), Process = process, Op = "sleep", Result = 0, DurationNs = Ms(sleptMs) }); return this; }

    public Events Exec(double ms, string process, string program) { Add(new SyscallEvent { TNs = Ms(ms), Process = process, Op = "exec", Result = 0, Path = program }); return this; }

    public Events Output(double ms, string process, string stream, string data) { Add(new OutputEvent { TNs = Ms(ms), Process = process, Stream = stream, Data = data }); return this; }

    public Events Exit(double ms, string process, int code = 0) { Add(new ProcessExitEvent { TNs = Ms(ms), Process = process, ExitCode = code }); return this; }

    public Events State(double ms, string? process, string? obj, string json)
    {
        Add(new StateEvent { TNs = Ms(ms), Process = process, Object = obj, State = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.KernelState) });
        return this;
    }

    public Events Paused(double ms, string process, string op, string? obj = null, string? phase = null, string? target = null)
    {
        Add(new PausedEvent { TNs = Ms(ms), Process = process, Op = op, Object = obj, Phase = phase, Target = target, Step = "1" });
        return this;
    }

    /// <summary>Predict mode: a question about a held step, its choices in the order the server offers them.</summary>
    public Events Question(double ms, string process, string op, string? obj, string about, string call, string[] choices, string step = "1")
    {
        Add(new QuestionEvent
        {
            TNs = Ms(ms), Process = process, Op = op, Object = obj, Step = step, About = about, Call = call,
            Choices = [.. choices.Select(c => new PredictionChoice(c, PredictionWords.English.Choice(c)))],
        });
        return this;
    }

    public Events Answer(double ms, string process, string op, string? obj, string about, string choice, string step = "1")
    {
        Add(new AnswerEvent { TNs = Ms(ms), Process = process, Op = op, Object = obj, Step = step, About = about, Choice = choice });
        return this;
    }

    /// <param name="choice">The prediction; null for a question the run left unanswered.</param>
    public Events Outcome(double ms, string process, string op, string? obj, string about, string? choice, string actual, string reason, IReadOnlyDictionary<string, string> facts, string step = "1")
    {
        var english = ExplanationReasons.Parse(reason) is { } known ? PredictionWords.English.Explain(known, facts) : null;
        Add(new OutcomeEvent
        {
            TNs = Ms(ms), Process = process, Op = op, Object = obj, Step = step, About = about, Choice = choice, Actual = actual,
            Correct = choice is null ? null : choice == actual, Explanation = english, Reason = reason, Facts = facts,
        });
        return this;
    }

    public Events Limit(double ms, string limit, string message) { Add(new LimitEvent { TNs = Ms(ms), Limit = limit, Message = message }); return this; }

    public Events End(double ms, string status, string? message = null) { Add(new RunEndEvent { TNs = Ms(ms), Status = status, Message = message }); return this; }
}

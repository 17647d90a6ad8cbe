using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Runs;

namespace IpcPlayground.Runs;

/// <summary>One run as the server keeps it: its events and what they add up to.</summary>
public sealed class Run(string id, string? name, TimeProvider time, string mode = RunModes.Free)
{
    public string Id { get; } = id;
    public string? Name { get; } = name;
    public DateTimeOffset StartedAt { get; private init; } = time.GetUtcNow();
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The experiment as it was posted, byte for byte.</summary>
    public byte[] ExperimentJson { get; init; } = [];

    /// <summary>Null unless a workshop participant started the run.</summary>
    public RunOwner? Owner { get; init; }

    /// <summary>Whose recording quota the run's record counts against: a pseudonymous key of the requesting address.</summary>
    public string? RecordedFor { get; init; }

    /// <summary>
    /// A run rebuilt from a copy of its events: a finished run from its record, or (with no <paramref name="endedAt"/>)
    /// a run going on on another server instance, as far as it has got.
    /// </summary>
    public static Run Restore(string id, string? name, string mode, byte[] experimentJson, DateTimeOffset startedAt, DateTimeOffset? endedAt,
        IReadOnlyList<RunEvent> events, TimeProvider time, RunOwner? owner = null)
    {
        var run = new Run(id, name, time, mode) { StartedAt = startedAt, ExperimentJson = experimentJson, Owner = owner };
        run.Events.Append(events);
        run.Control.Observe(events);
        run.EndedAt = endedAt;
        return run;
    }
    public EventLog Events { get; } = new();

    private long _eventBytes;

    /// <summary>About how many bytes its events hold: the lines they were read from, or the NDJSON of a restored run's record.</summary>
    public long EventBytes => Interlocked.Read(ref _eventBytes);

    public void CountEventBytes(long bytes) => Interlocked.Add(ref _eventBytes, bytes);

    /// <summary>Step, resume and stop; in step mode, which processes are held.</summary>
    public RunControl Control { get; } = new(mode, time);

    /// <summary>Predict mode's scheduler and judge, while the run executes on this instance; null otherwise.</summary>
    public Predictions.Predictor? Predictor { get; private set; }

    /// <summary>One publisher at a time appends and publishes (<see cref="RunPublisher"/>), so live order is log order.</summary>
    internal SemaphoreSlim PublishGate { get; } = new(1, 1);

    public void Predict(Contracts.Experiments.Experiment experiment) => Predictor = new Predictions.Predictor(experiment, Control);

    public RunEvent[] Append(IReadOnlyList<RunEvent> events)
    {
        var numbered = Events.Append(events);
        Control.Observe(numbered);
        if (numbered.Any(e => e is RunEndEvent)) EndedAt = time.GetUtcNow();
        return numbered;
    }

    public RunSummary Summarize()
    {
        var events = Events.Snapshot();
        var processes = events.OfType<ProcessStartEvent>()
            .Select(start =>
            {
                var exit = events.OfType<ProcessExitEvent>().FirstOrDefault(e => e.Pid == start.Pid);
                return new RunProcessSummary(start.Process!, start.Pid, exit?.ExitCode, exit?.Signal);
            })
            .ToList();
        var status = events.OfType<RunEndEvent>().LastOrDefault()?.Status ?? RunStatuses.Running;
        var score = Control.Mode == RunModes.Predict
            ? new PredictionScore(events.Count(e => e is QuestionEvent), events.Count(e => e is AnswerEvent), events.Count(e => e is OutcomeEvent { Correct: true }))
            : null;
        return new RunSummary(Id, Name, status, StartedAt, EndedAt, events.Length, processes, Control.Mode, score);
    }
}

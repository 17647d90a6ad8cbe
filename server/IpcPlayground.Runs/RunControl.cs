using System.Threading.Channels;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Runs;

/// <summary>What became of a request to step, resume or stop a run.</summary>
public enum ControlOutcome
{
    Sent,
    NotStepMode,
    /// <summary>A predicted run: the server schedules its steps; a person answers questions instead.</summary>
    Scheduled,
    NotHeld,
    Ended,
}

/// <summary>
/// The commands a person sends a running run: in step mode, which held process takes its next step, or resume; in
/// any mode, stop. It knows which processes are held from the run's own <c>paused</c> events, and queues commands for
/// the coordinator to write to the supervisor.
/// </summary>
public sealed class RunControl(string mode, TimeProvider time)
{
    private readonly Channel<ControlFrame> _commands = Channel.CreateUnbounded<ControlFrame>(new() { SingleReader = true });
    private readonly Dictionary<string, PausedEvent> _held = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private bool _free = !RunModes.Holds(mode);
    private bool _ended;
    private long _lastStep = time.GetTimestamp();

    /// <summary>How long a run held in step mode has waited for its next step (or resume); zero when it is not held.</summary>
    public TimeSpan Idle
    {
        get { lock (_lock) return _free || _ended || _pacedByRoom ? TimeSpan.Zero : time.GetElapsedTime(_lastStep); }
    }

    private bool _pacedByRoom;

    /// <summary>
    /// A workshop room's predicted run: it goes at the pace of the room's discussion, not of one person, so it is never
    /// idle; its step-mode timeout and the rooms' own pool still bound it.
    /// </summary>
    public void PaceByRoom()
    {
        lock (_lock) _pacedByRoom = true;
    }

    public string Mode { get; } = mode;

    /// <summary>Every process runs freely: not a step-mode run, or resumed.</summary>
    public bool IsFree
    {
        get { lock (_lock) return _free; }
    }

    public ChannelReader<ControlFrame> Commands => _commands.Reader;

    /// <summary>The processes held now, and the step each waits before.</summary>
    public IReadOnlyList<PausedEvent> Held
    {
        get { lock (_lock) return [.. _held.Values]; }
    }

    public void Observe(IEnumerable<RunEvent> events)
    {
        lock (_lock)
            foreach (var e in events)
            {
                if (e is PausedEvent paused && !_free) _held[paused.Process ?? ""] = paused;
                else if (e is ProcessExitEvent exit) _held.Remove(exit.Process ?? "");
                else if (e is RunEndEvent)
                {
                    _ended = true;
                    _held.Clear();
                    _commands.Writer.TryComplete();
                }
            }
    }

    public ControlOutcome Step(string process)
    {
        lock (_lock)
        {
            if (_ended) return ControlOutcome.Ended;
            if (Mode == RunModes.Predict) return ControlOutcome.Scheduled;
            if (Mode != RunModes.Step) return ControlOutcome.NotStepMode;
            return Let(process);
        }
    }

    /// <summary>Predict mode: the server lets a held process take its next step.</summary>
    public ControlOutcome Release(string process)
    {
        lock (_lock) return _ended ? ControlOutcome.Ended : Let(process);
    }

    private ControlOutcome Let(string process)
    {
        if (!_held.Remove(process)) return ControlOutcome.NotHeld;
        _lastStep = time.GetTimestamp();
        _commands.Writer.TryWrite(new ControlFrame { Command = ControlCommands.Step, Target = process });
        return ControlOutcome.Sent;
    }

    public ControlOutcome Resume()
    {
        lock (_lock)
        {
            if (_ended) return ControlOutcome.Ended;
            if (!RunModes.Holds(Mode)) return ControlOutcome.NotStepMode;
            _free = true;
            _held.Clear();
            _commands.Writer.TryWrite(new ControlFrame { Command = ControlCommands.Resume });
            return ControlOutcome.Sent;
        }
    }

    public ControlOutcome Stop()
    {
        lock (_lock)
        {
            if (_ended) return ControlOutcome.Ended;
            _commands.Writer.TryWrite(new ControlFrame { Command = ControlCommands.Stop });
            return ControlOutcome.Sent;
        }
    }
}

using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Runs.Predictions;

/// <summary>Where a process of a predicted run stands, as its events say.</summary>
internal enum ProcessPhase
{
    /// <summary>Started (or spawned) and not yet held before its first step.</summary>
    Starting,
    Held,
    Running,
    /// <summary>Let go into a <c>sleep</c> step: time passes for it, and the others may take their steps meanwhile.</summary>
    Sleeping,
    Blocked,
    Exited,
}

/// <summary>
/// The processes of a predicted run, folded from its events: which are held (before which step), blocked (in which
/// call), running or gone. The run is still — ready for its next step — when none is starting or running.
/// </summary>
internal sealed class PredictedProcesses(IReadOnlyList<ProcessDefinition> processes)
{
    private readonly Dictionary<string, ProcessPhase> _phase = processes.Where(p => p.Parent is null && p.Id is not null)
        .ToDictionary(p => p.Id!, _ => ProcessPhase.Starting, StringComparer.Ordinal);
    private readonly Dictionary<string, PausedEvent> _heldBefore = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BlockedEvent> _blockedIn = new(StringComparer.Ordinal);

    public bool IsStill => !_phase.Values.Any(p => p is ProcessPhase.Starting or ProcessPhase.Running);

    /// <summary>The first held process in the experiment's order, and the step it waits before.</summary>
    public PausedEvent? FirstHeld =>
        processes.Select(p => p.Id).Where(id => id is not null && _phase.GetValueOrDefault(id) == ProcessPhase.Held)
            .Select(id => _heldBefore[id!]).FirstOrDefault();

    /// <summary>The processes other than <paramref name="self"/> blocked in a call on <paramref name="objectId"/> (any call, when null).</summary>
    public IReadOnlyList<string> BlockedOn(string? objectId, string self, string? onlyProcess = null) =>
        [.. processes.Select(p => p.Id!).Where(id => id != self && (onlyProcess is null || id == onlyProcess)
            && _blockedIn.TryGetValue(id, out var blocked) && (objectId is null || blocked.Object == objectId))];

    public BlockedEvent? BlockedCall(string process) => _blockedIn.GetValueOrDefault(process);

    public bool IsLiving(string process) => _phase.TryGetValue(process, out var phase) && phase != ProcessPhase.Exited;

    /// <summary>The server let it go: it runs until it is held, blocks or exits (or, into a <c>sleep</c>, sleeps).</summary>
    public void Released(string process, string? op) => Set(process, op == Ops.Sleep ? ProcessPhase.Sleeping : ProcessPhase.Running);

    public void Observe(RunEvent e)
    {
        switch (e)
        {
            case PausedEvent { Process: { } p } paused:
                _heldBefore[p] = paused;
                Set(p, ProcessPhase.Held);
                break;
            case BlockedEvent { Process: { } p } blocked:
                _blockedIn[p] = blocked;
                Set(p, ProcessPhase.Blocked);
                break;
            case SyscallEvent { Process: { } p } call:
                if (_phase.GetValueOrDefault(p) is ProcessPhase.Blocked or ProcessPhase.Sleeping) Set(p, ProcessPhase.Running);
                if (call is { Op: Ops.Spawn, Target: { } child, Errno: null } && !_phase.ContainsKey(child)) _phase[child] = ProcessPhase.Starting;
                // The processes it woke run on to their next step: the run is not still until they get there.
                foreach (var woken in call.Woke ?? [])
                    if (_phase.GetValueOrDefault(woken) is ProcessPhase.Blocked) Set(woken, ProcessPhase.Running);
                break;
            case ProcessStartEvent { Process: { } p }:
                _phase.TryAdd(p, ProcessPhase.Starting);
                break;
            case ProcessExitEvent { Process: { } p }:
                Set(p, ProcessPhase.Exited);
                break;
        }
    }

    private void Set(string process, ProcessPhase phase)
    {
        if (_phase.GetValueOrDefault(process) == ProcessPhase.Exited) return;
        _phase[process] = phase;
        if (phase != ProcessPhase.Blocked) _blockedIn.Remove(process);
    }
}

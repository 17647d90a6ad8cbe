using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// A participant's run as the board shows it, folded from the run's events: which processes are blocked in a call
/// now, and whether the run is deadlocked — every living process blocked, and none in a call that could time out.
/// A process lives from the start if it has no parent, else from the return of the spawn that made it (its own
/// process-start may come later), until it exits.
/// </summary>
public sealed class ParticipantRunState(string runId, IEnumerable<string> rootProcesses)
{
    private readonly HashSet<string> _living = new(rootProcesses, StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _blockedIn = new(StringComparer.Ordinal);
    private string _status = RunStatuses.Running;
    private int _events;

    public ParticipantRun Current => new(runId, _status, [.. _blockedIn.Keys.Order(StringComparer.Ordinal)], IsDeadlocked, _events);

    /// <summary>The run ended as a deadlock (the supervisor saw it), or, while it runs, looks like one from its events.</summary>
    public bool IsDeadlocked =>
        _status == RunStatuses.Deadlock ||
        (_status == RunStatuses.Running && _living.Count > 0 && _living.All(_blockedIn.ContainsKey) && _blockedIn.Values.All(op => op is not Ops.WaitSignal));

    /// <summary>Takes one event; true when what the board shows (status, blocked set, deadlock) changed.</summary>
    public bool Observe(RunEvent e)
    {
        _events++;
        var before = (_status, Blocked: string.Join(',', _blockedIn.Keys.Order(StringComparer.Ordinal)), IsDeadlocked);
        switch (e)
        {
            case ProcessStartEvent { Process: { } p }:
                _living.Add(p);
                break;
            case BlockedEvent { Process: { } p } blocked:
                _blockedIn[p] = blocked.Op;
                break;
            case SyscallEvent { Process: { } p } call:
                _blockedIn.Remove(p);
                if (call is { Op: Ops.Spawn, Target: { } child, Errno: null }) _living.Add(child);
                break;
            case PausedEvent { Process: { } p }:
                _blockedIn.Remove(p);
                break;
            case ProcessExitEvent { Process: { } p }:
                _living.Remove(p);
                _blockedIn.Remove(p);
                break;
            case RunEndEvent end:
                _status = end.Status ?? RunStatuses.Failed;
                _blockedIn.Clear();
                // A deadlock stays on the board as it was found: who was blocked, and in what.
                foreach (var wait in end.Waits ?? [])
                    if (wait.Process is { } p) _blockedIn[p] = wait.Op;
                break;
        }
        return before != (_status, string.Join(',', _blockedIn.Keys.Order(StringComparer.Ordinal)), IsDeadlocked);
    }
}

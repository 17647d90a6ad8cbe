using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>spawn and wait.</summary>
internal sealed partial class SimWorld
{
    private void Spawn(SimProcess parent, Step step, SimOutcome outcome)
    {
        var id = step.Process!;
        if (_processes.ContainsKey(id))
        {
            outcome.Refuse($"{id} is already spawned");
            return;
        }
        var child = parent.SpawnChild(id);
        _processes[id] = child;
        parent.Spawned.Add(id);
        Begin(child);
    }

    private void Wait(SimProcess parent, Step step, SimOutcome outcome)
    {
        var id = step.Process!;
        if (parent.Dispositions[Sigchld] == SignalActions.Ignore)
        {
            // With SIGCHLD ignored the kernel reaps the children, and wait returns ECHILD only once all have ended.
            if (_processes.Values.Any(p => p.Parent == parent.Id && p.Alive)) outcome.Refuse("a wait for children while SIGCHLD is ignored");
            return; // ECHILD
        }
        if (!parent.Spawned.Contains(id) || _processes[id].Reaped) return; // ECHILD
        var child = _processes[id];
        bool Reap()
        {
            if (!child.Dead) return false;
            child.Reaped = true;
            return true;
        }
        if (Reap()) return;
        outcome.Blocked = true;
        parent.Blocked = new BlockedCall("child:" + id, step, _ => Reap()) { RestartsAfterHandler = true };
    }
}

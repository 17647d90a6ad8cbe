using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>A System V semaphore set: semop on one member, with SEM_UNDO if the step asks.</summary>
internal sealed partial class SysvObject
{
    /// <summary>SEMVMX: the largest value a System V semaphore member holds.</summary>
    private const int SemaphoreMax = 32767;

    public override void Semaphore(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        var count = step.Count ?? 1;
        var wait = step.Op == Ops.SemWait;
        if (!process.Sysv.TryGetValue(Id, out var instance) || instance.Removed) return; // EINVAL
        var member = step.Index ?? 0;
        void Apply(int delta)
        {
            instance.Values[member] += delta;
            if (step.Undo == true)
                process.Undo[(instance, member)] = process.Undo.GetValueOrDefault((instance, member)) - delta;
        }
        if (!wait)
        {
            if (instance.Values[member] + count > SemaphoreMax) return; // ERANGE
            Apply(count);
            return;
        }
        if (instance.Values[member] >= count)
        {
            Apply(-count);
            return;
        }
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(Id, step, settling =>
        {
            if (instance.Removed) return world.Interrupted(settling, "a semop waits in a set being removed"); // EIDRM
            if (instance.Values[member] < count) return false;
            Apply(-count);
            // The kernel takes the waiter's share inside the post only if the waiter is already in semop;
            // it may still be on its way there, so the value the poster reads next is a race.
            if (world.Current is { } poster) settling.Racy.Add((poster.Actor, poster.Step, "value"));
            return true;
        }) { NeverRestarts = true };
    }
}

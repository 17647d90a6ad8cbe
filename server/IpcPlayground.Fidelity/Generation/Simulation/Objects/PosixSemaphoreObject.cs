using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>A named POSIX semaphore; a process opens it by open, or on first use.</summary>
internal sealed class PosixSemaphoreObject(string id, int initial) : SimObject(id)
{
    public bool Linked { get; set; } = true;
    public int Value { get; set; } = initial;

    public override void Open(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (PosixOpen.Refused(Linked, step, outcome)) return;
        if (Linked) process.Semaphores.Add(Id);
    }

    public override void Semaphore(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        var count = step.Count ?? 1;
        var wait = step.Op == Ops.SemWait;
        if (!process.Semaphores.Contains(Id))
        {
            if (!Linked) return; // ENOENT from the implicit sem_open
            process.Semaphores.Add(Id);
        }
        if (!wait)
        {
            // Posts one at a time: the first may wake a waiter, which then runs beside the rest of them.
            if (count > 1 && world.Processes.Any(p => p.Alive && p.Blocked?.On == Id))
            {
                outcome.Refuse("several posts to a POSIX semaphore a process waits on race the waiter they wake");
                return;
            }
            Value += count;
            return;
        }
        var left = count;
        while (left > 0 && Value > 0)
        {
            Value--;
            left--;
        }
        if (left == 0) return;
        outcome.Blocked = true;
        var call = new BlockedCall(Id, step, settling =>
        {
            while (left > 0 && Value > 0)
            {
                Value--;
                left--;
            }
            if (left > 0) return false;
            // A sem_post wakes the waiter, which takes the value down when it runs: the poster's
            // sem_getvalue and the waiter's may see it before or after.
            if (world.Current is { } poster) settling.Racy.Add((poster.Actor, poster.Step, "value"));
            return true;
        });
        call.RacyFields.Add("value");
        process.Blocked = call;
    }

    public override void Remove(SimWorld world, SimProcess process, Step step, SimOutcome outcome) => Linked = false;
}

using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>An eventfd: made by its owner before its first step, inherited by the owner's children like a pipe.</summary>
internal sealed class CounterObject(string id, string owner, long initial, bool semaphore) : SimObject(id)
{
    public const string End = "counter";

    public string Owner { get; } = owner;

    public override void Begin(SimProcess process)
    {
        if (process.Id == Owner) process.Hold(Id, End, new CounterEnd(new Counter { Value = initial, Semaphore = semaphore }));
    }

    /// <summary>Adds the value (the generator's values never bring it near the limit at which a write waits).</summary>
    public override void Write(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (process.Find(Id, End) is not CounterEnd end) return; // EBADF
        var waiting = world.Processes.Count(p => p.Alive && p.Blocked is { Step.Op: Ops.Read } call && call.On == Id);
        if (waiting > 1 && step.Value > 0)
        {
            outcome.Refuse("a write wakes every reader of an eventfd, and which takes the count is a race");
            return;
        }
        end.Counter.Value += step.Value ?? 0;
    }

    /// <summary>Takes the count (1 under EFD_SEMAPHORE); waits while it is 0.</summary>
    public override void Read(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (process.Find(Id, End) is not CounterEnd end) return; // EBADF
        if (end.Counter.Take()) return;
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(Id, step, _ => end.Counter.Take());
    }
}

/// <summary>The kernel's counter of an eventfd, shared by every descriptor of it.</summary>
internal sealed class Counter
{
    public long Value { get; set; }
    public bool Semaphore { get; init; }

    public bool Take()
    {
        if (Value == 0) return false;
        Value = Semaphore ? Value - 1 : 0;
        return true;
    }
}

/// <summary>A descriptor of an eventfd.</summary>
internal sealed class CounterEnd(Counter counter) : Description
{
    public Counter Counter { get; } = counter;
}

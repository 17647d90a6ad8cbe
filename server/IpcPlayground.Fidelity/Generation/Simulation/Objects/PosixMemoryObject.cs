using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>POSIX shared memory: a process maps it by open, or on its first store, load or increment.</summary>
internal sealed class PosixMemoryObject(string id, int size) : SimObject(id)
{
    public bool Linked { get; set; } = true;
    public byte[] Memory { get; } = new byte[size];

    public override void Open(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (PosixOpen.Refused(Linked, step, outcome)) return;
        if (Linked) process.Mappings[Id] = this;
    }

    /// <summary>store, load, increment: on the process's mapping, mapped on first use (which may fail); they never wait.</summary>
    public override void AccessMemory(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (process.Mappings.ContainsKey(Id)) return;
        if (Linked) process.Mappings[Id] = this;
        // else ENOENT
    }

    public override void Close(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (process.Mappings.Remove(Id)) return;
        base.Close(world, process, step, outcome);
    }

    public override void Remove(SimWorld world, SimProcess process, Step step, SimOutcome outcome) => Linked = false;
}

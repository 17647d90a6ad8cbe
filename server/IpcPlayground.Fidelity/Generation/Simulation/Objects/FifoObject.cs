using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>A FIFO: a pipe with a path, opened for reading, writing or both; its buffer lives while anyone holds it open.</summary>
internal sealed class FifoObject(string id, int capacity) : PipeBufferObject(id)
{
    public PipeBuffer Buffer { get; } = new(capacity);
    public bool Linked { get; set; } = true;

    public override void Open(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (!Linked) return; // ENOENT
        var mode = step.Mode ?? "read";
        void Take()
        {
            var end = new PipeEnd(Buffer, canRead: mode != "write", canWrite: mode != "read");
            if (mode != "write") process.Hold(Id, "read", end);
            if (mode != "read") process.Hold(Id, "write", end);
        }
        bool PartnerThere() => mode switch
        {
            "read" => Writers(world, Buffer) > 0,
            "write" => Readers(world, Buffer) > 0,
            _ => true,
        };
        if (PartnerThere())
        {
            Take();
            return;
        }
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(Id, step, _ =>
        {
            if (!PartnerThere()) return false;
            Take();
            return true;
        });
    }

    public override void Remove(SimWorld world, SimProcess process, Step step, SimOutcome outcome) => Linked = false;

    /// <summary>A FIFO nobody holds open loses its bytes.</summary>
    public override void AfterClosing(SimWorld world, SimOutcome outcome)
    {
        if (Readers(world, Buffer) == 0 && Writers(world, Buffer) == 0) Buffer.Clear();
    }
}

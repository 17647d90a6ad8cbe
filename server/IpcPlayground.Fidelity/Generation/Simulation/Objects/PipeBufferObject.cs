using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>A pipe or a FIFO: ends that share a <see cref="PipeBuffer"/>, written and read as the kernel does a pipe.</summary>
internal abstract class PipeBufferObject(string id) : SimObject(id)
{
    public override void Write(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        var data = SimWorld.Bytes(step);
        // EBADF: the process holds no such end, or it is not open for writing
        if (process.Find(Id, step.End ?? "write") is not PipeEnd { CanWrite: true } end) return;
        if (Readers(world, end.Buffer) == 0)
        {
            world.RaiseInActor(process, SimWorld.Sigpipe, outcome); // EPIPE
            return;
        }
        if (end.Buffer.Fits(data.Length))
        {
            end.Buffer.Write(data);
            return;
        }
        if (data.Length > PipeBuffer.Page || end.Buffer.FreeSlots > 0)
        {
            outcome.Refuse("a write that does not fit at once is split, and its parts race the reader");
            return;
        }
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(Id, step, settling =>
        {
            if (Readers(world, end.Buffer) == 0) settling.Refuse("a waiting writer's last reader went away");
            if (end.Buffer.FreeSlots == 0) return false;
            end.Buffer.WriteIntoNewPage(data);
            return true;
        });
    }

    public override void Read(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        var bytes = step.Bytes ?? 1;
        if (process.Find(Id, step.End ?? "read") is not PipeEnd { CanRead: true } end) return; // EBADF
        if (end.Buffer.Buffered > 0 || Writers(world, end.Buffer) == 0)
        {
            end.Buffer.Read(bytes);
            return;
        }
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(Id, step, _ =>
        {
            if (end.Buffer.Buffered == 0 && Writers(world, end.Buffer) > 0) return false;
            end.Buffer.Read(bytes);
            return true;
        });
    }

    protected static int Readers(SimWorld world, PipeBuffer buffer) =>
        world.Held.OfType<PipeEnd>().Count(e => e.Buffer == buffer && e.CanRead) + Opening(world, buffer, "read");

    protected static int Writers(SimWorld world, PipeBuffer buffer) =>
        world.Held.OfType<PipeEnd>().Count(e => e.Buffer == buffer && e.CanWrite) + Opening(world, buffer, "write");

    /// <summary>Processes waiting in open of this FIFO for that mode (the kernel counts them as its readers or writers).</summary>
    private static int Opening(SimWorld world, PipeBuffer buffer, string mode) =>
        world.Processes.Count(p => p.Alive && p.Blocked is { Step: { Op: Ops.Open } step } && step.Mode == mode &&
            world.Object(step.Object!) is FifoObject fifo && fifo.Buffer == buffer);
}

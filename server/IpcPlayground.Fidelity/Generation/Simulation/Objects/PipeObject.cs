namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>A pipe: made by its owner before its first step, inherited by the owner's children.</summary>
internal sealed class PipeObject(string id, string owner, int capacity) : PipeBufferObject(id)
{
    public string Owner { get; } = owner;
    public int Capacity { get; } = capacity;

    public override void Begin(SimProcess process)
    {
        if (process.Id != Owner) return;
        var buffer = new PipeBuffer(Capacity);
        process.Hold(Id, "read", new PipeEnd(buffer, canRead: true, canWrite: false));
        process.Hold(Id, "write", new PipeEnd(buffer, canRead: false, canWrite: true));
    }
}

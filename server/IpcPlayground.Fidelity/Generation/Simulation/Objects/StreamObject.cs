using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>unix-stream or tcp: a byte stream over each connection its binder accepts.</summary>
internal sealed class StreamObject(string id, string binder, bool isTcp) : ListeningSocketObject(id, binder)
{
    /// <summary>Over loopback TCP, whose segments and resets travel: a write after the peer closed, or a read past
    /// the first segment, depends on timing.</summary>
    public bool IsTcp { get; } = isTcp;

    public override void Write(SimWorld world, SimProcess process, Step step, SimOutcome outcome) =>
        StreamSocketBytes.Write(world, process, step, SocketEndName, IsTcp, outcome);

    public override void Read(SimWorld world, SimProcess process, Step step, SimOutcome outcome) =>
        StreamSocketBytes.Read(world, process, step, SocketEndName, IsTcp, outcome);
}

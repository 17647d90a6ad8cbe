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

    public override void SendFd(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (IsTcp) outcome.Refuse("sendFd over TCP");
        else StreamSocketBytes.SendFd(world, process, step, SocketEndName, outcome);
    }

    public override void ReceiveFd(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (IsTcp) outcome.Refuse("receiveFd over TCP");
        else StreamSocketBytes.ReceiveFd(world, process, step, SocketEndName, outcome);
    }

    public override bool Carries(SimWorld world, SimProcess process) => !IsTcp && process.Find(Id, SocketEndName) is SocketEnd;

    public override int? BytesAheadOfPassed(SimProcess process) =>
        process.Find(Id, SocketEndName) is SocketEnd end ? end.Mine.BytesBeforePassed : null;

    public override PassedDescriptor? NextPassed(SimProcess process) =>
        !IsTcp && process.Find(Id, SocketEndName) is SocketEnd end ? end.Mine.FirstPassed : null;

    public override void Read(SimWorld world, SimProcess process, Step step, SimOutcome outcome) =>
        StreamSocketBytes.Read(world, process, step, SocketEndName, IsTcp, outcome);
}

using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>A socketpair: made by its owner before its first step, inherited by the owner's children.</summary>
internal sealed class SocketPairObject(string id, string owner) : SimObject(id)
{
    public string Owner { get; } = owner;

    public override void Begin(SimProcess process)
    {
        if (process.Id != Owner) return;
        var connection = new Connection();
        process.Hold(Id, "first", new SocketEnd(connection, 0));
        process.Hold(Id, "second", new SocketEnd(connection, 1));
    }

    public override void Write(SimWorld world, SimProcess process, Step step, SimOutcome outcome) =>
        StreamSocketBytes.Write(world, process, step, End(process, step), overTcp: false, outcome);

    public override void Read(SimWorld world, SimProcess process, Step step, SimOutcome outcome) =>
        StreamSocketBytes.Read(world, process, step, End(process, step), overTcp: false, outcome);

    public override void SendFd(SimWorld world, SimProcess process, Step step, SimOutcome outcome) =>
        StreamSocketBytes.SendFd(world, process, step, End(process, step), outcome);

    public override void ReceiveFd(SimWorld world, SimProcess process, Step step, SimOutcome outcome) =>
        StreamSocketBytes.ReceiveFd(world, process, step, End(process, step), outcome);

    /// <summary>Its side, while another live process holds the pair (a descriptor sent to itself teaches little).</summary>
    public override bool Carries(SimWorld world, SimProcess process) =>
        process.Find(Id, End(process, new Step())) is SocketEnd && world.Processes.Any(p => p != process && p.Alive && p.EndsOf(Id).Any());

    public override int? BytesAheadOfPassed(SimProcess process) =>
        process.Find(Id, End(process, new Step())) is SocketEnd end ? end.Mine.BytesBeforePassed : null;

    public override PassedDescriptor? NextPassed(SimProcess process) =>
        process.Find(Id, End(process, new Step())) is SocketEnd end ? end.Mine.FirstPassed : null;

    /// <summary>The end a step uses when it names none, as the worker and the C export decide it.</summary>
    public string End(SimProcess process, Step step) => step.End ?? (Owner == process.Id ? "first" : "second");
}

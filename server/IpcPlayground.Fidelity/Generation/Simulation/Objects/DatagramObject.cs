using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>unix-dgram: a socket its binder receives on from its start; the others send to its path, or connect first.</summary>
internal sealed class DatagramObject(string id, string binder) : SimObject(id)
{
    /// <summary>net.unix.max_dgram_qlen: past it a sender waits; the generator stays well below.</summary>
    private const int QueueLimit = 8;

    public string Binder { get; } = binder;
    public bool Linked { get; set; } = true;
    public Queue<(byte[] Data, PassedDescriptor? Passed)> Queue { get; } = new();

    public override void Begin(SimProcess process)
    {
        if (process.Id == Binder) process.Hold(Id, "bound", new DatagramSocket("bound", this));
    }

    public override void Open(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (Linked && BoundHeld(world)) process.Hold(Id, "connected", new DatagramSocket("connected", this));
        // else ENOENT or ECONNREFUSED
    }

    public override void Send(SimWorld world, SimProcess process, Step step, SimOutcome outcome) =>
        Deliver(world, process, outcome, SimWorld.Bytes(step), null);

    public override void Receive(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (process.Find(Id, "bound") is null) return; // EBADF
        if (Queue.Count > 0)
        {
            Queue.Dequeue();
            return;
        }
        if (step.Nowait == true) return; // EAGAIN
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(Id, step, _ =>
        {
            if (Queue.Count == 0) return false;
            Queue.Dequeue();
            return true;
        });
    }

    /// <summary>One datagram of one byte, carrying a descriptor that stays open while it waits in the queue.</summary>
    public override void SendFd(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        // The kernel reads the control message (EBADF for a descriptor not held) before it looks for the receiver.
        if (StreamSocketBytes.HeldPassed(process, step) is { } passed) Deliver(world, process, outcome, [(byte)'F'], passed);
    }

    /// <summary>A datagram to the bound socket, through the connected socket or from a sender socket made on first use.</summary>
    private void Deliver(SimWorld world, SimProcess process, SimOutcome outcome, byte[] data, PassedDescriptor? passed)
    {
        var connected = process.Find(Id, "connected") is not null;
        if (!connected && !Linked) return; // ENOENT
        if (!BoundHeld(world)) return; // ECONNREFUSED
        if (Queue.Count >= QueueLimit)
        {
            outcome.Refuse("a datagram to a receiver whose queue is full");
            return;
        }
        if (!connected) process.Hold(Id, "sender", process.Find(Id, "sender") ?? new DatagramSocket("sender", this));
        Queue.Enqueue((data, passed));
    }

    /// <summary>One datagram (cut to its first byte), and the descriptor it carried, held as the step's <c>as</c> says.</summary>
    public override void ReceiveFd(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (process.Find(Id, "bound") is null) return; // EBADF
        StreamSocketBytes.ReceiveDescriptor(process, step, outcome, () => Queue.Count > 0, () => Queue.Dequeue().Passed);
    }

    public override bool Carries(SimWorld world, SimProcess process) => true;

    public override PassedDescriptor? NextPassed(SimProcess process) =>
        process.Find(Id, "bound") is not null && Queue.Count > 0 ? Queue.Peek().Passed : null;

    public override IEnumerable<Description> Travelling(IReadOnlyCollection<Description> held) =>
        held.OfType<DatagramSocket>().Any(s => s.Object == this && s.Kind == "bound")
            ? Queue.Where(m => m.Passed is not null).Select(m => m.Passed!.Description)
            : [];

    public override void Remove(SimWorld world, SimProcess process, Step step, SimOutcome outcome) => Linked = false;

    /// <summary>Once nobody holds the bound socket, what was sent to it is gone.</summary>
    public override void AfterClosing(SimWorld world, SimOutcome outcome)
    {
        if (!BoundHeld(world)) Queue.Clear();
    }

    private bool BoundHeld(SimWorld world) => world.Held.OfType<DatagramSocket>().Any(s => s.Object == this && s.Kind == "bound");
}

/// <summary>A unix-dgram object's sockets: the one its binder receives on, one connected by open, an unbound sender.</summary>
internal sealed class DatagramSocket(string kind, DatagramObject obj) : Description
{
    public string Kind { get; } = kind;
    public DatagramObject Object { get; } = obj;
}

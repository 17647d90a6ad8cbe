using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>
/// A socket its binder listens on from its start (holding the <see cref="Listener"/>): the others connect by open,
/// each connection waits in the backlog until the binder accepts it, and each side then holds its end as
/// <c>socket</c>. What is sent over a connection is the subclass's to say.
/// </summary>
internal abstract class ListeningSocketObject(string id, string binder) : SimObject(id)
{
    /// <summary>The name of the end a connecting or accepting process holds.</summary>
    public const string SocketEndName = "socket";

    public string Binder { get; } = binder;
    public bool Linked { get; set; } = true;
    public Queue<Connection> Backlog { get; } = new();

    public override void Begin(SimProcess process)
    {
        if (process.Id == Binder) process.Hold(Id, "listener", new Listener(this));
    }

    /// <summary>connect.</summary>
    public override void Open(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (process.Id == Binder)
        {
            outcome.Refuse("the binder connecting to its own listener");
            return;
        }
        if (!Linked || !ListenerHeld(world)) return; // ENOENT, ECONNREFUSED
        if (Backlog.Count >= 8)
        {
            outcome.Refuse("a connect near the listen backlog's limit");
            return;
        }
        var connection = new Connection();
        process.Hold(Id, SocketEndName, new SocketEnd(connection, 0));
        Backlog.Enqueue(connection);
    }

    public override void Accept(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (process.Find(Id, "listener") is null) return; // EBADF
        bool TakeOne()
        {
            if (Backlog.Count == 0) return false;
            process.Hold(Id, SocketEndName, new SocketEnd(Backlog.Dequeue(), 1));
            return true;
        }
        if (TakeOne()) return;
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(Id, step, _ => TakeOne());
    }

    public override void Remove(SimWorld world, SimProcess process, Step step, SimOutcome outcome) => Linked = false;

    public override void AfterClosing(SimWorld world, SimOutcome outcome)
    {
        if (Backlog.Count > 0 && !ListenerHeld(world)) outcome.Refuse("a listener closed with connections not yet accepted");
    }

    private bool ListenerHeld(SimWorld world) => world.Held.OfType<Listener>().Any(l => l.Object == this);
}

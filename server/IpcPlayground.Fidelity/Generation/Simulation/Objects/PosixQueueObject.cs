using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>A POSIX message queue; each process opens its own descriptor of it (by open, or on first use).</summary>
internal sealed class PosixQueueObject(string id, int maxMessages, int messageSize) : SimObject(id)
{
    public int MaxMessages { get; } = maxMessages;
    public int MessageSize { get; } = messageSize;
    public bool Linked { get; set; } = true;

    /// <summary>Highest priority first, oldest first within a priority.</summary>
    public List<(int Priority, byte[] Data)> Messages { get; } = [];

    public void Add(int priority, byte[] data)
    {
        var at = Messages.FindIndex(m => m.Priority < priority);
        Messages.Insert(at < 0 ? Messages.Count : at, (priority, data));
    }

    public override void Open(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (PosixOpen.Refused(Linked, step, outcome)) return;
        if (Linked) process.QueueModes[Id] = step.Mode ?? "read-write";
        // else ENOENT
    }

    public override void Send(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        var data = SimWorld.Bytes(step);
        if (!OpenQueue(process)) return; // ENOENT from the implicit mq_open
        if (step.Nowait == true && !Linked) return; // the nowait descriptor is opened by name: ENOENT
        if (step.Nowait != true && process.QueueModes[Id] == "read") return; // EBADF: opened read-only
        if (data.Length > MessageSize) return; // EMSGSIZE
        var priority = step.Priority ?? 0;
        if (Messages.Count < MaxMessages)
        {
            Add(priority, data);
            return;
        }
        if (step.Nowait == true) return; // EAGAIN
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(Id, step, _ =>
        {
            if (Messages.Count >= MaxMessages) return false;
            Add(priority, data);
            return true;
        });
    }

    public override void Receive(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (!OpenQueue(process)) return;
        if (step.Nowait == true && !Linked) return;
        if (step.Nowait != true && process.QueueModes[Id] == "write") return; // EBADF
        if (Messages.Count > 0)
        {
            Messages.RemoveAt(0);
            return;
        }
        if (step.Nowait == true) return; // EAGAIN
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(Id, step, _ =>
        {
            if (Messages.Count == 0) return false;
            Messages.RemoveAt(0);
            return true;
        });
    }

    /// <summary>The process's own descriptor of the queue, opened read-write on first use; false when that open fails.</summary>
    private bool OpenQueue(SimProcess process)
    {
        if (process.QueueModes.ContainsKey(Id)) return true;
        if (!Linked) return false;
        process.QueueModes[Id] = "read-write";
        return true;
    }

    public override void Close(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (process.QueueModes.Remove(Id)) return;
        base.Close(world, process, step, outcome);
    }

    public override void Remove(SimWorld world, SimProcess process, Step step, SimOutcome outcome) => Linked = false;
}

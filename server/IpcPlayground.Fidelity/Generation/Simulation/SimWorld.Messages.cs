using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>System V and POSIX message queues, and Unix datagram sockets.</summary>
internal sealed partial class SimWorld
{
    /// <summary>msgmnb of a new IPC namespace: bytes (and messages) one System V queue holds.</summary>
    private const int SysvQueueBytes = 16384;

    /// <summary>net.unix.max_dgram_qlen: past it a sender waits; the generator stays well below.</summary>
    private const int DatagramQueueLimit = 8;

    private void Send(SimProcess process, Step step, SimOutcome outcome)
    {
        var data = Bytes(step);
        switch (_objects[step.Object!])
        {
            case SysvObject queue:
                SendSysv(process, step, queue, data, outcome);
                break;
            case PosixQueueObject queue:
                SendPosix(process, step, queue, data, outcome);
                break;
            case DatagramObject datagram:
                var connected = process.Find(datagram.Id, "connected") is not null;
                if (!connected && !datagram.Linked) return; // ENOENT
                if (!BoundHeld(datagram)) return; // ECONNREFUSED
                if (datagram.Queue.Count >= DatagramQueueLimit)
                {
                    outcome.Refuse("a datagram to a receiver whose queue is full");
                    return;
                }
                if (!connected) process.Hold(datagram.Id, "sender", process.Find(datagram.Id, "sender") ?? new DatagramSocket("sender", datagram));
                datagram.Queue.Enqueue(data);
                return;
        }
    }

    private void SendSysv(SimProcess process, Step step, SysvObject queue, byte[] data, SimOutcome outcome)
    {
        if (!process.Sysv.TryGetValue(queue.Id, out var instance) || instance.Removed) return; // EINVAL
        var type = step.Type ?? 1;
        bool Fits() => instance.QueueBytes + data.Length <= SysvQueueBytes && instance.Messages.Count + 1 <= SysvQueueBytes;
        if (Fits())
        {
            instance.Messages.Add((type, data));
            return;
        }
        if (step.Nowait == true) return; // EAGAIN
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(queue.Id, step, settling =>
        {
            if (instance.Removed) return Interrupted(settling, "a sender waits in a queue being removed"); // EIDRM
            if (!Fits()) return false;
            instance.Messages.Add((type, data));
            return true;
        });
    }

    private void SendPosix(SimProcess process, Step step, PosixQueueObject queue, byte[] data, SimOutcome outcome)
    {
        if (!OpenQueue(process, queue)) return; // ENOENT from the implicit mq_open
        if (step.Nowait == true && !queue.Linked) return; // the nowait descriptor is opened by name: ENOENT
        if (step.Nowait != true && process.QueueModes[queue.Id] == "read") return; // EBADF: opened read-only
        if (data.Length > queue.MessageSize) return; // EMSGSIZE
        var priority = step.Priority ?? 0;
        if (queue.Messages.Count < queue.MaxMessages)
        {
            queue.Add(priority, data);
            return;
        }
        if (step.Nowait == true) return; // EAGAIN
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(queue.Id, step, _ =>
        {
            if (queue.Messages.Count >= queue.MaxMessages) return false;
            queue.Add(priority, data);
            return true;
        });
    }

    /// <summary>The process's own descriptor of the queue, opened read-write on first use; false when that open fails.</summary>
    private static bool OpenQueue(SimProcess process, PosixQueueObject queue)
    {
        if (process.QueueModes.ContainsKey(queue.Id)) return true;
        if (!queue.Linked) return false;
        process.QueueModes[queue.Id] = "read-write";
        return true;
    }

    private void Receive(SimProcess process, Step step, SimOutcome outcome)
    {
        switch (_objects[step.Object!])
        {
            case SysvObject queue:
                ReceiveSysv(process, step, queue, outcome);
                break;
            case PosixQueueObject queue:
                if (!OpenQueue(process, queue)) return;
                if (step.Nowait == true && !queue.Linked) return;
                if (step.Nowait != true && process.QueueModes[queue.Id] == "write") return; // EBADF
                if (queue.Messages.Count > 0)
                {
                    queue.Messages.RemoveAt(0);
                    return;
                }
                if (step.Nowait == true) return; // EAGAIN
                outcome.Blocked = true;
                process.Blocked = new BlockedCall(queue.Id, step, _ =>
                {
                    if (queue.Messages.Count == 0) return false;
                    queue.Messages.RemoveAt(0);
                    return true;
                });
                return;
            case DatagramObject datagram:
                if (process.Find(datagram.Id, "bound") is null) return; // EBADF
                if (datagram.Queue.Count > 0)
                {
                    datagram.Queue.Dequeue();
                    return;
                }
                if (step.Nowait == true) return; // EAGAIN
                outcome.Blocked = true;
                process.Blocked = new BlockedCall(datagram.Id, step, _ =>
                {
                    if (datagram.Queue.Count == 0) return false;
                    datagram.Queue.Dequeue();
                    return true;
                });
                return;
        }
    }

    private void ReceiveSysv(SimProcess process, Step step, SysvObject queue, SimOutcome outcome)
    {
        if (!process.Sysv.TryGetValue(queue.Id, out var instance) || instance.Removed) return; // EINVAL
        var wanted = step.Type ?? 0;
        var max = step.MaxBytes ?? 8192;
        // A message too long for the buffer fails the receive with E2BIG and stays queued.
        int? Take()
        {
            var at = Match(instance, wanted);
            if (at < 0) return null;
            if (instance.Messages[at].Data.Length <= max) instance.Messages.RemoveAt(at);
            return at;
        }
        if (Take() is not null || step.Nowait == true) return; // the message, E2BIG, or ENOMSG
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(queue.Id, step, settling =>
        {
            if (instance.Removed) return Interrupted(settling, "a receiver waits in a queue being removed"); // EIDRM
            return Take() is not null;
        });
    }

    /// <summary>msgrcv's choice: type 0 the oldest; above 0 the oldest of that type; below 0 the oldest of the lowest type up to -type.</summary>
    private static int Match(SysvInstance queue, long type)
    {
        if (type == 0) return queue.Messages.Count > 0 ? 0 : -1;
        if (type > 0) return queue.Messages.FindIndex(m => m.Type == type);
        var best = -1;
        for (var i = 0; i < queue.Messages.Count; i++)
            if (queue.Messages[i].Type <= -type && (best < 0 || queue.Messages[i].Type < queue.Messages[best].Type)) best = i;
        return best;
    }
}

using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>A System V message queue: msgsnd and msgrcv.</summary>
internal sealed partial class SysvObject
{
    /// <summary>msgmnb of a new IPC namespace: bytes (and messages) one System V queue holds.</summary>
    private const int QueueBytes = 16384;

    public override void Send(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        var data = SimWorld.Bytes(step);
        if (!process.Sysv.TryGetValue(Id, out var instance) || instance.Removed) return; // EINVAL
        var type = step.Type ?? 1;
        bool Fits() => instance.QueueBytes + data.Length <= QueueBytes && instance.Messages.Count + 1 <= QueueBytes;
        if (Fits())
        {
            instance.Messages.Add((type, data));
            return;
        }
        if (step.Nowait == true) return; // EAGAIN
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(Id, step, settling =>
        {
            if (instance.Removed) return world.Interrupted(settling, "a sender waits in a queue being removed"); // EIDRM
            if (!Fits()) return false;
            instance.Messages.Add((type, data));
            return true;
        }) { NeverRestarts = true };
    }

    public override void Receive(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (!process.Sysv.TryGetValue(Id, out var instance) || instance.Removed) return; // EINVAL
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
        process.Blocked = new BlockedCall(Id, step, settling =>
        {
            if (instance.Removed) return world.Interrupted(settling, "a receiver waits in a queue being removed"); // EIDRM
            return Take() is not null;
        }) { NeverRestarts = true };
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

using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>poll(2) over this process's descriptors of several objects.</summary>
internal sealed unsafe partial class StepRunner
{
    /// <summary>The end a poll watches when its entry names none, after a pipe's or FIFO's read (in) or write end: the first held of these.</summary>
    internal static readonly string[] DefaultPollEnds = ["socket", "read", "write", "first", "second", "connected", "bound", "sender", "listener", "counter"];

    private void Poll(PlanStep step, string path)
    {
        var targets = step.PollTargets!;
        var fds = new Libc.PollFd[targets.Count];
        for (var i = 0; i < targets.Count; i++)
            fds[i] = new Libc.PollFd { Fd = PollDescriptor(targets[i]), Events = PollEvents.Mask(targets[i].Events ?? []) };
        var timeout = step.TimeoutMs ?? -1;
        List<PollReady>? ready = null;
        Call(step, path, "poll", () =>
        {
            int rc;
            fixed (Libc.PollFd* p = fds) rc = Libc.Poll(p, (nuint)fds.Length, timeout);
            if (rc >= 0)
                ready = [.. fds.Select((fd, i) => (fd, i)).Where(x => x.fd.Revents != 0)
                    .Select(x => new PollReady { Object = targets[x.i].Object, Events = PollEvents.Names(x.fd.Revents) })];
            return Outcome.Of(rc);
        }, details: (_, end) => end with { Ready = ready });
    }

    /// <summary>The descriptor an entry watches: its end, else a pipe's or FIFO's read end (write end for out alone), a POSIX queue's, or the first held of <see cref="DefaultPollEnds"/>; -1 (ignored by poll) when none is held.</summary>
    private int PollDescriptor(PollTarget target)
    {
        var id = target.Object!;
        if (target.End is { } end) return _handles.Find(id, end) ?? -1;
        if (_objects[id].Mechanism.Ends.Contains("read"))
            return _handles.Find(id, target.Events?.Contains(PollEvents.In) == true ? "read" : "write") ?? -1;
        if (_handles.Queues.TryGetValue(id, out var queue)) return queue;
        foreach (var candidate in DefaultPollEnds)
            if (_handles.Find(id, candidate) is { } fd) return fd;
        return -1;
    }
}

using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>poll(2) over this process's descriptors of several objects.</summary>
internal sealed unsafe partial class StepRunner
{
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

    /// <summary>
    /// The descriptor an entry watches: its end (the planner names a pipe's or FIFO's), else the one this process
    /// holds (<see cref="ObjectHandles.FirstHeld"/>); -1, which poll ignores, when it holds none.
    /// </summary>
    private int PollDescriptor(PollTarget target) =>
        _handles.Resolve(target.Object!, target.End);
}

using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Tells a call that blocks from one that is merely slow: a call announced more than <c>BlockedAfterMs</c> ago, by a
/// process the kernel has put to sleep, in the call itself (not in sending its report).
/// </summary>
internal sealed unsafe class BlockDetector(long blockedAfterNs)
{
    /// <summary>The connections whose pending call has just been seen blocked; each is marked so it is told once.</summary>
    public IEnumerable<(WorkerConnection Connection, BlockedFrame? Blocked)> Detect(IEnumerable<WorkerConnection> connections, long now)
    {
        foreach (var connection in connections)
        {
            if (connection.Pending is not { } pending || connection.PendingReportedBlocked) continue;
            if (now - pending.T < blockedAfterNs) continue;
            // Only a process the kernel has put to sleep is blocked (one still copying bytes is merely slow), and
            // only in the step's own call: once the call has returned, the worker may sleep sending its report of
            // it (a 1 MiB read), and then its bytes are already arriving. Read in this order — where it sleeps,
            // that it sleeps, then whether its report has begun — none of them can be stale for the next.
            if (ProcStat.Wchan(connection.Pid) is not { } wchan) continue;
            if (ProcStat.State(connection.Pid) is not ('S' or 'D')) continue;
            if (connection.Assembler.HasPartial || Unread(connection.Fd) > 0) continue;
            connection.PendingReportedBlocked = true;
            // A sleep is asked for, not suffered: it gets snapshots like any wait, but no "blocked" event.
            yield return (connection, pending.Call == "nanosleep" ? null : new BlockedFrame
            {
                T = now, Process = connection.Process, Pid = connection.Pid, Step = pending.Step, Iteration = pending.Iteration,
                Op = pending.Op, Object = pending.Object, Target = pending.Target, Call = pending.Call, Since = pending.T, Wchan = wchan,
            });
        }
    }

    private static int Unread(int fd)
    {
        int bytes;
        return Libc.Ioctl(fd, Libc.FIONREAD, &bytes) == 0 ? bytes : 0;
    }
}

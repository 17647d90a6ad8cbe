using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Names a deadlock: every living process of the run blocked in a call only another process could end — a read, a
/// write, a receive, a semaphore wait, an accept, a FIFO's open, a wait for a child — with the kernel holding each
/// asleep, and nothing changing for <c>settleNs</c>. Nobody is left to run, so nobody can wake anyone: the run could
/// only wait for its timeout. Calls that may end by themselves (a sleep, a poll or sigtimedwait, which may have a
/// timeout) never count, nor does a process the supervisor cannot see into (an exec'd program) or one held in step mode.
/// </summary>
internal sealed class DeadlockDetector(long settleNs)
{
    /// <summary>Calls that return only when another process acts (the generated C and the worker make the same ones).</summary>
    private static readonly HashSet<string> WaitsForOthers = new(StringComparer.Ordinal)
    {
        "read", "write", "recv", "recvmsg", "send", "sendto", "sendmsg", "msgrcv", "msgsnd", "mq_receive", "mq_send",
        "semop", "sem_wait", "accept", "open", "connect", "wait4",
    };

    private long? _since;
    private long _framesAtSince;

    /// <summary>
    /// The blocked calls that make a deadlock, once it has held for the settling time; null while there is none.
    /// <paramref name="frames"/> counts the frames the workers have sent: any new one means someone moved.
    /// </summary>
    public IReadOnlyList<StepBeginFrame>? Check(IReadOnlyCollection<WorkerConnection> connections, ProcessTable table, long frames, long now)
    {
        var waits = Waits(connections, table);
        if (waits is null || (_since is not null && frames != _framesAtSince))
        {
            _since = waits is null ? null : now;
            _framesAtSince = frames;
            return null;
        }
        _since ??= now;
        return now - _since >= settleNs ? waits : null;
    }

    private static List<StepBeginFrame>? Waits(IReadOnlyCollection<WorkerConnection> connections, ProcessTable table)
    {
        // Checked on every turn of the supervisor's loop: /proc is read only once every worker's call is seen blocked.
        foreach (var c in connections)
            if (IsWorker(c) && (c.Pending is null || !c.PendingReportedBlocked)) return null;
        var byPid = connections.Where(IsWorker).ToDictionary(c => c.Pid);
        var waits = new List<StepBeginFrame>();
        foreach (var pid in table.Pids)
        {
            if (table.ExitReported(pid) || ProcStat.State(pid) is not { } state || state == 'Z') continue;
            if (!byPid.TryGetValue(pid, out var worker) || worker.Pending is not { } pending || !worker.PendingReportedBlocked) return null;
            if (!WaitsForOthers.Contains(pending.Call ?? "") || state is not ('S' or 'D')) return null;
            waits.Add(pending);
        }
        return waits.Count > 0 ? waits : null;
    }

    /// <summary>A worker's own socket (not its signal channel, not an exec'd program's output pipe).</summary>
    private static bool IsWorker(WorkerConnection c) => c is { IsSignalChannel: false, OutputStream: null, Process: not null };
}

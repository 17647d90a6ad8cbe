using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Step mode: which processes a step woke. When a held process is let go, the ones blocked in a call are noted; when
/// its step returns, each of them that is no longer asleep in that call — it has reported the call's return, its
/// report is on the way, or the kernel has made it runnable — was woken during the step (every other process was
/// held or blocked, so nothing else could have).
/// </summary>
internal static unsafe class WakeWatch
{
    public static List<(WorkerConnection Connection, StepBeginFrame Call)>? BlockedNow(IEnumerable<WorkerConnection> connections, WorkerConnection going)
    {
        List<(WorkerConnection, StepBeginFrame)>? blocked = null;
        foreach (var c in connections)
            // A sleep ends by itself, not by another process's step.
            if (c != going && c.Pending is { Call: not "nanosleep" } call && c.PendingReportedBlocked) (blocked ??= []).Add((c, call));
        return blocked;
    }

    public static IReadOnlyList<string>? Awake(IReadOnlyList<(WorkerConnection Connection, StepBeginFrame Call)> watched)
    {
        List<string>? awake = null;
        foreach (var (connection, call) in watched)
            if (!StillAsleep(connection, call) && connection.Process is { } process) (awake ??= []).Add(process);
        return awake;
    }

    // Read in this order — whether it sleeps, then its report — so a woken process that has already reported and
    // fallen asleep again (waiting to be let go) is still seen awake, by its report.
    private static bool StillAsleep(WorkerConnection connection, StepBeginFrame call)
    {
        if (ProcStat.State(connection.Pid) is not ('S' or 'D')) return false;
        if (connection.Pending != call || connection.Assembler.HasPartial) return false;
        int unread;
        return Libc.Ioctl(connection.Fd, Libc.FIONREAD, &unread) != 0 || unread == 0;
    }
}

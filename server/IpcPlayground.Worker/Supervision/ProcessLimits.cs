using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// What the supervisor (or the measuring worker) applies to itself before the first worker starts, so every process of the run inherits it:
/// rlimits (CPU seconds, descriptors, POSIX queue bytes) and the seccomp filter. A limit that cannot be applied is a
/// failure: the run does not start rather than run with less than it was promised.
/// </summary>
internal static unsafe class ProcessLimits
{
    public static IReadOnlyList<string> Apply(IProcessLimits plan, List<string> failures)
    {
        var enforced = new List<string>();
        if (plan.CpuSecondsPerProcess > 0)
            SetRLimit(Libc.RLIMIT_CPU, "cpu", (ulong)plan.CpuSecondsPerProcess, (ulong)plan.CpuSecondsPerProcess + 1, $"{plan.CpuSecondsPerProcess}s", enforced, failures);
        if (plan.OpenFiles > 0)
            SetRLimit(Libc.RLIMIT_NOFILE, "nofile", (ulong)plan.OpenFiles, (ulong)plan.OpenFiles, $"{plan.OpenFiles}", enforced, failures);
        if (plan.PosixQueueBytes > 0)
            SetRLimit(Libc.RLIMIT_MSGQUEUE, "msgqueue", (ulong)plan.PosixQueueBytes, (ulong)plan.PosixQueueBytes, $"{plan.PosixQueueBytes}B", enforced, failures);
        if (plan.Seccomp)
        {
            var result = Libc.InstallSeccomp();
            if (result == 0) enforced.Add($"seccomp:deny-list({Libc.SeccompDeniedCount()} calls, namespaces, socket families)");
            else failures.Add($"the seccomp filter could not be installed: {Errno.Name(-result)}");
        }
        return enforced;
    }

    private static void SetRLimit(int resource, string name, ulong soft, ulong hard, string shown, List<string> enforced, List<string> failures)
    {
        var limit = new Libc.RLimit { Soft = soft, Hard = hard };
        if (Libc.SetRLimit(resource, &limit) == 0) enforced.Add($"rlimit:{name}={shown}");
        else failures.Add($"rlimit {name} could not be set: {Errno.Name(Errno.Last())}");
    }
}

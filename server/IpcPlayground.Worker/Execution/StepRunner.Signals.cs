using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>
/// Signals: kill(2) to another process of the run, sigaction (a C handler that reports each delivery, or SIG_IGN,
/// or SIG_DFL), sigprocmask, and sigtimedwait.
/// </summary>
internal sealed unsafe partial class StepRunner
{
    private bool _signalChannelOpen;

    /// <summary>
    /// kill(2). A process that has not started has no pid yet: ESRCH, as for any pid that names no process. One that
    /// has ended keeps its pid, so the kernel says what a C program would hear: 0 while it is a zombie, ESRCH once reaped.
    /// </summary>
    private void SendSignal(PlanStep step, string path)
    {
        var pid = _link.QueryPid(step.Target!);
        if (pid <= 0)
        {
            Report(step, path, "kill", Libc.ESRCH);
            return;
        }
        var (signal, value) = (step.Signal!.Value, step.Value);
        var before = ProcStat.Signals(pid);
        // With a value, sigqueue(3): the signal carries it, and a real-time one queues beside any already pending.
        Call(step, path, value is null ? "kill" : "sigqueue",
            () => Outcome.Of(value is { } v ? Libc.SigQueue(pid, signal, (nint)(int)v) : Libc.Kill(pid, signal)), announce: false,
            details: (outcome, end) => (outcome.Result == 0 ? end with { Fate = Fate(pid, signal, before) } : end) with { Value = value });
    }

    /// <summary>
    /// What the target's /proc status says became of the signal, as a C program would read it. Not blocked before the
    /// kill, its disposition then decides (read before, so a target that handles it and moves on to change that
    /// disposition cannot race the reading): discarded as ignored, or by default; a handler reports itself and a death
    /// shows in the exit. Blocked, the status right after kill(2) says pending, or merged into one already pending (a
    /// standard signal); blocked but not pending is one delivered already, to a handler that blocks it while it runs.
    /// </summary>
    private static string? Fate(int pid, int signal, SignalMasks? before)
    {
        if (before is { } was && !SignalMasks.Has(was.Blocked, signal))
        {
            if (SignalMasks.Has(was.Caught, signal)) return null;
            if (SignalMasks.Has(was.Ignored, signal)) return SignalDispositions.Ignored;
            return SignalMasks.DefaultIsIgnore(signal) ? SignalDispositions.Default : null;
        }
        if (ProcStat.Signals(pid) is not { } masks || !SignalMasks.Has(masks.Blocked, signal)) return null;
        if (!SignalMasks.Has(masks.Pending, signal)) return null;
        var wasPending = before is { } b && SignalMasks.Has(b.Pending & b.Blocked, signal);
        return wasPending && !SignalNames.IsRealtime(signal) ? SignalDispositions.Merged : SignalDispositions.Pending;
    }

    private void Handle(PlanStep step, string path)
    {
        var action = step.Action switch { SignalActions.Ignore => 1, SignalActions.Log => 2, _ => 0 };
        if (action == 2 && !_signalChannelOpen)
        {
            Libc.SetSignalReportFd(_link.OpenSignalChannel());
            _signalChannelOpen = true;
        }
        var flags = (step.Flags ?? []).Aggregate(0, (all, flag) => all | flag switch
        {
            SignalFlags.Restart => Libc.SA_RESTART,
            SignalFlags.ResetHand => Libc.SA_RESETHAND,
            _ => Libc.SA_NODEFER,
        });
        Call(step, path, "sigaction", () => Outcome.Of(Libc.SetDisposition(step.Signal!.Value, action, flags)), announce: false);
    }

    private void Mask(PlanStep step, string path, int how)
    {
        var set = stackalloc ulong[16];
        set[0] = SignalSet(step.Signals ?? []);
        Call(step, path, "sigprocmask", () => Outcome.Of(Libc.SigProcMask(how, set, null)), announce: false);
    }

    private void WaitSignal(PlanStep step, string path)
    {
        var set = stackalloc ulong[16];
        set[0] = SignalSet(step.Signals ?? []);
        var info = stackalloc byte[128];
        var timeoutMs = step.TimeoutMs;
        var outcome = Call(step, path, "sigtimedwait", () =>
        {
            var timeout = new Libc.Timespec { Seconds = (timeoutMs ?? 0) / 1000, Nanoseconds = (timeoutMs ?? 0) % 1000 * 1_000_000L };
            return Outcome.Of(Libc.SigTimedWait(set, info, timeoutMs is null ? null : &timeout));
        });
        if (outcome.Result > 0)
        {
            // siginfo_t on Linux: si_signo, si_errno, si_code, then (kill, sigqueue, SIGCHLD) si_pid at 16 and si_value at 24;
            // the supervisor reads them as it reads a handler's record.
            _link.Send(new SignalFrame
            {
                Signal = (int)outcome.Result, Disposition = SignalDispositions.Waited, Step = path,
                Code = *(int*)(info + 8), SenderPid = *(int*)(info + 16), Value = *(int*)(info + 24),
            });
        }
    }

    private static ulong SignalSet(IEnumerable<int> signals) => signals.Aggregate(0UL, (set, signal) => set | 1UL << (signal - 1));

    /// <summary>
    /// The fault itself, in C: the kernel answers it with its signal, which ends the process unless a handler catches
    /// it (and a handler that returns from SIGSEGV, SIGFPE, SIGBUS or SIGILL meets the same fault again, as in C).
    /// Should it return (abort's handler may), it reports 0.
    /// </summary>
    private void Fault(PlanStep step, string path)
    {
        var kind = FaultKinds.Number(step.FaultKind!);
        Call(step, path, step.FaultKind == FaultKinds.Abort ? "abort" : "fault", () => Outcome.Of(Libc.Fault(kind)));
    }
}

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

    private void SendSignal(PlanStep step, string path)
    {
        var pid = _link.QueryPid(step.Target!);
        if (pid <= 0)
        {
            Fail(path, step, $"'{step.Target}' is not running (not yet spawned, or already gone)");
            return;
        }
        Call(step, path, "kill", () => Outcome.Of(Libc.Kill(pid, step.Signal!.Value)), announce: false);
    }

    private void Handle(PlanStep step, string path)
    {
        var action = step.Action switch { "ignore" => 1, "log" => 2, _ => 0 };
        if (action == 2 && !_signalChannelOpen)
        {
            Libc.SetSignalReportFd(_link.OpenSignalChannel());
            _signalChannelOpen = true;
        }
        Call(step, path, "sigaction", () => Outcome.Of(Libc.SetDisposition(step.Signal!.Value, action)), announce: false);
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
            _link.Send(new SignalFrame { Signal = (int)outcome.Result, Disposition = "waited", Step = path });
    }

    private static ulong SignalSet(IEnumerable<int> signals) => signals.Aggregate(0UL, (set, signal) => set | 1UL << (signal - 1));
}

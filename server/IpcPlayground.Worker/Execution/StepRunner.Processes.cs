using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>Processes: spawn a child (it inherits this process's descriptors), wait for it, sleep.</summary>
internal sealed unsafe partial class StepRunner
{
    private void Spawn(PlanStep step, string path)
    {
        var child = step.Target!;
        var args = new List<string> { "work", "--process", child, "--supervisor", _supervisorSocket };
        args.AddRange(_handles.ToArguments());
        var outcome = Call(step, path, "posix_spawn", () =>
        {
            var pid = ReadyChild.Spawn(args);
            return pid > 0 ? new Outcome(pid) : new Outcome(-1, -pid);
        }, announce: false);
        if (outcome.Result > 0) _children[child] = (int)outcome.Result;
    }

    private void Wait(PlanStep step, string path)
    {
        var child = step.Target!;
        if (!_children.TryGetValue(child, out var pid))
        {
            // Not spawned (yet) by this process, so no child of it: what waitpid says of such a pid.
            Report(step, path, "wait4", Libc.ECHILD);
            return;
        }
        var begin = MonotonicClock.Now();
        _link.Send(new StepBeginFrame { Step = path, Iteration = _iteration, Op = step.Op, Target = child, Call = "wait4", T = begin });
        var switches = Libc.VoluntarySwitches();
        int status;
        int rc;
        long cpuNs;
        while ((rc = Libc.WaitPid(pid, &status, 0, out cpuNs)) < 0 && Interop.Errno.Last() == Libc.EINTR) { }
        var errno = rc < 0 ? Interop.Errno.Last() : 0;
        var end = MonotonicClock.Now();
        var decoded = new WaitStatus(status);
        int? exitCode = rc > 0 && decoded.Exited ? decoded.ExitCode : null;
        int? signal = rc > 0 && decoded.Signaled ? decoded.TermSignal : null;
        if (rc > 0)
            _link.Send(new ChildExitedFrame { Process = child, Pid = pid, ExitCode = exitCode, Signal = signal, CpuNs = cpuNs, T = end });
        _link.Send(new StepEndFrame
        {
            Step = path, Iteration = _iteration, Op = step.Op, Target = child, T = end, DurationNs = end - begin,
            Result = rc, Errno = rc < 0 ? Interop.Errno.Name(errno) : null, ExitCode = exitCode, TermSignal = signal,
            Slept = Libc.VoluntarySwitches() != switches,
        });
    }

    private void Sleep(PlanStep step, string path) =>
        Call(step, path, "nanosleep", () =>
        {
            var ms = step.Ms ?? 0;
            var request = new Libc.Timespec { Seconds = ms / 1000, Nanoseconds = ms % 1000 * 1_000_000L };
            // A handled signal interrupts the sleep; the remaining time is slept, as the step asked for the whole of it.
            int rc;
            while ((rc = Libc.ClockNanosleep(Libc.CLOCK_MONOTONIC, 0, &request, &request)) == Libc.EINTR) { }
            return new Outcome(rc == 0 ? 0 : -1, rc);
        });
}

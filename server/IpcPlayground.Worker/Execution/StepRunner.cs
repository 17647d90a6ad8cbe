using System.Globalization;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>Executes one process's steps with real system calls and reports each call's outcome.</summary>
internal sealed unsafe class StepRunner(SupervisorLink link, ObjectEnds ends, string supervisorSocket, IReadOnlyList<PlanObject> objects)
{
    private readonly Dictionary<string, int> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlanObject> _objects = objects.ToDictionary(o => o.Id, StringComparer.Ordinal);

    public void CreateOwnedObjects(IEnumerable<string> objectIds)
    {
        var fds = stackalloc int[2];
        foreach (var id in objectIds)
        {
            var obj = _objects[id];
            // No O_CLOEXEC: children spawned later must inherit both ends, as after fork.
            if (Libc.Pipe2(fds, 0) != 0)
                throw new IOException($"pipe2 for '{id}': {Errno.Name(Errno.Last())}");
            if (obj.Capacity is { } capacity && Libc.Fcntl(fds[1], Libc.F_SETPIPE_SZ, capacity) < 0)
                throw new IOException($"F_SETPIPE_SZ {capacity} for '{id}': {Errno.Name(Errno.Last())}");
            ends.Add(id, "read", fds[0]);
            ends.Add(id, "write", fds[1]);
        }
    }

    /// <summary>Runs the steps; returns the exit code the script asks for, or null to run on.</summary>
    public int? Run(IReadOnlyList<PlanStep> steps, string prefix = "")
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var path = prefix + i.ToString(CultureInfo.InvariantCulture);
            var step = steps[i];
            if (step.Op == "exit") return step.Code ?? 0;
            if (step.Op == "repeat")
            {
                for (var n = 0; n < (step.Times ?? 1); n++)
                    if (Run(step.Steps ?? [], path + ".") is { } code) return code;
                continue;
            }
            Execute(step, path);
        }
        return null;
    }

    private void Execute(PlanStep step, string path)
    {
        switch (step.Op)
        {
            case "write": Write(step, path); break;
            case "read": Read(step, path); break;
            case "close": Close(step, path); break;
            case "sleep": Sleep(step, path); break;
            case "spawn": Spawn(step, path); break;
            case "wait": Wait(step, path); break;
            default: Fail(path, step, $"op '{step.Op}' is not available on this server"); break;
        }
    }

    private void Write(PlanStep step, string path)
    {
        if (Need(step, path, step.End ?? "write") is not { } fd) return;
        var data = step.Data ?? GeneratedBytes(step.Size ?? 0);
        Call(step, path, "write", () =>
        {
            fixed (byte* d = data) return (long)Libc.Write(fd, d, data.Length);
        });
    }

    private void Read(PlanStep step, string path)
    {
        if (Need(step, path, step.End ?? "read") is not { } fd) return;
        var buffer = new byte[step.Bytes ?? 1];
        Call(step, path, "read", () =>
        {
            fixed (byte* b = buffer) return (long)Libc.Read(fd, b, buffer.Length);
        }, result => result > 0 ? buffer.AsSpan(0, (int)result).ToArray() : null);
    }

    private void Close(PlanStep step, string path)
    {
        string[] which = step.End is { } end ? [end] : ["read", "write"];
        var held = which.Where(e => ends.Find(step.Object!, e) is not null).ToArray();
        if (held.Length == 0)
        {
            Fail(path, step, $"'{step.Object}' has no open {string.Join(" or ", which)} end in this process");
            return;
        }
        foreach (var heldEnd in held)
        {
            var fd = ends.Find(step.Object!, heldEnd)!.Value;
            ends.Remove(step.Object!, heldEnd);
            Call(step with { End = heldEnd }, path, "close", () => Libc.Close(fd));
        }
    }

    private void Sleep(PlanStep step, string path) =>
        Call(step, path, "nanosleep", () =>
        {
            var ms = step.Ms ?? 0;
            var request = new Libc.Timespec { Seconds = ms / 1000, Nanoseconds = ms % 1000 * 1_000_000L };
            int rc;
            while ((rc = Libc.ClockNanosleep(Libc.CLOCK_MONOTONIC, 0, &request, &request)) == Libc.EINTR) { }
            return rc == 0 ? 0 : -1;
        }, announce: false);

    private void Spawn(PlanStep step, string path)
    {
        var child = step.Target!;
        var args = new List<string> { "work", "--process", child, "--supervisor", supervisorSocket };
        args.AddRange(ends.ToArguments());
        var start = MonotonicClock.Now();
        var pid = Spawner.Spawn(args);
        var end = MonotonicClock.Now();
        if (pid > 0) _children[child] = pid;
        link.Send(new StepEndFrame
        {
            Step = path, Op = step.Op, Target = child, T = end, DurationNs = end - start,
            Result = pid > 0 ? pid : -1, Errno = pid > 0 ? null : Errno.Name(-pid),
        });
    }

    private void Wait(PlanStep step, string path)
    {
        var child = step.Target!;
        if (!_children.TryGetValue(child, out var pid))
        {
            Fail(path, step, $"'{child}' was not spawned by this process, so there is nothing to wait for");
            return;
        }
        var begin = MonotonicClock.Now();
        link.Send(new StepBeginFrame { Step = path, Op = step.Op, Target = child, Call = "wait4", T = begin });
        int status;
        int rc;
        while ((rc = Libc.WaitPid(pid, &status, 0)) < 0 && Errno.Last() == Libc.EINTR) { }
        var errno = rc < 0 ? Errno.Last() : 0;
        var end = MonotonicClock.Now();
        var decoded = new WaitStatus(status);
        int? exitCode = rc > 0 && decoded.Exited ? decoded.ExitCode : null;
        int? signal = rc > 0 && decoded.Signaled ? decoded.TermSignal : null;
        if (rc > 0)
            link.Send(new ChildExitedFrame { Process = child, Pid = pid, ExitCode = exitCode, Signal = signal, T = end });
        link.Send(new StepEndFrame
        {
            Step = path, Op = step.Op, Target = child, T = end, DurationNs = end - begin,
            Result = rc, Errno = rc < 0 ? Errno.Name(errno) : null, ExitCode = exitCode, TermSignal = signal,
        });
    }

    /// <summary>Announces the call (so the supervisor can see it block), makes it, and reports what it returned.</summary>
    private void Call(PlanStep step, string path, string call, Func<long> syscall, Func<long, byte[]?>? output = null, bool announce = true)
    {
        var begin = MonotonicClock.Now();
        if (announce)
            link.Send(new StepBeginFrame { Step = path, Op = step.Op, Object = step.Object, Call = call, T = begin });
        var result = syscall();
        var errno = result < 0 ? Errno.Last() : 0;
        var end = MonotonicClock.Now();
        link.Send(new StepEndFrame
        {
            Step = path, Op = step.Op, Object = step.Object, T = end, DurationNs = end - begin,
            Result = result, Errno = result < 0 ? Errno.Name(errno) : null,
            Data = result >= 0 ? output?.Invoke(result) : null,
        });
    }

    private int? Need(PlanStep step, string path, string end)
    {
        var fd = ends.Find(step.Object!, end);
        if (fd is null) Fail(path, step, $"the {end} end of '{step.Object}' is not open in this process");
        return fd;
    }

    private void Fail(string path, PlanStep step, string message) =>
        link.Send(new FailureFrame { Message = $"step {path} ({step.Op} {step.Object ?? step.Target}): {message}" });

    private static byte[] GeneratedBytes(int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++) bytes[i] = (byte)('a' + i % 26);
        return bytes;
    }
}

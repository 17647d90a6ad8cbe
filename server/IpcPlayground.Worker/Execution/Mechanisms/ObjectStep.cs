using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>
/// One step on one object, as a mechanism sees it: the step, the object, what this process holds, and the runner's
/// ways to make a call and report it.
/// </summary>
internal sealed class ObjectStep(StepRunner runner, PlanStep step, string path, PlanObject obj)
{
    public PlanStep Step => step;
    public PlanObject Object => obj;
    public ObjectHandles Handles => runner.Handles;

    /// <summary>Whether this process made the (anonymous) object itself, rather than inheriting it.</summary>
    public bool MadeHere => runner.Made(obj.Id);

    /// <summary>The System V identifier this process uses for the object (inherited, or the one its open made); -1 if none.</summary>
    public int SysvId => Handles.SysvIds.GetValueOrDefault(obj.Id, -1);

    /// <summary>IPC_CREAT and IPC_EXCL as an open of a System V object asks for them.</summary>
    public int SysvOpenFlags => step.Open is { } open ? (open.Create ? Interop.Libc.IPC_CREAT : 0) | (open.Exclusive ? Interop.Libc.IPC_EXCL : 0) : Interop.Libc.IPC_CREAT;

    /// <summary>O_CREAT and O_EXCL as an open of a POSIX object asks for them.</summary>
    public int PosixOpenFlags => step.Open is { } open ? (open.Create ? Interop.Libc.O_CREAT : 0) | (open.Exclusive ? Interop.Libc.O_EXCL : 0) : 0;

    /// <summary>
    /// The descriptor of the end, or -1 when this process does not hold it (never had it, or closed it): the call is
    /// made anyway, and the kernel answers EBADF, as it does a C program using a closed descriptor's variable.
    /// </summary>
    public int Descriptor(string end) => Handles.Find(obj.Id, end) ?? -1;

    /// <summary>For sendFd: the descriptor passed, as its step names it (no end: the one a step that names none uses); -1 when not held.</summary>
    public int PassedDescriptor => step.Fd is { Object: { } passed } fd ? Handles.Resolve(passed, fd.End) : -1;

    /// <summary>For receiveFd: the process holds the descriptor that arrived as what the step's <c>as</c> says.</summary>
    public void HoldReceived(int fd) => runner.HoldReceived(step.As!, fd);

    /// <inheritdoc cref="StepRunner.Call"/>
    public Outcome Call(string call, Func<Outcome> syscall, bool announce = true, Func<Outcome, StepEndFrame, StepEndFrame>? details = null) =>
        runner.Call(step, path, call, syscall, announce, details);

    /// <summary>A step whose outcome is known without a call (the errno the kernel would give), reported as one.</summary>
    public void Report(string call, int errno) => Call(call, () => Outcome.Failed(errno), announce: false);

    /// <summary>Step mode: wait at <paramref name="phase"/> inside the step until the person lets this process go.</summary>
    public void HoldAt(string phase) => runner.HoldBefore(step, path, phase);

    /// <summary>An op the validator allows on no object of this kind: reached only by a plan validation did not make.</summary>
    public void NotAvailable() => Fail($"{step.Op} is not available on a {obj.Type}");

    public void Fail(string message) => runner.Fail(path, step, message);
}

using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using System.Globalization;
using IpcPlayground.Worker.Execution.Mechanisms;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>What one system call returned, as a step reports it.</summary>
internal readonly record struct Outcome(long Result, int Errno = 0, byte[]? Data = null, long? Value = null, long? MessageType = null, int? MessagePriority = null)
{
    /// <summary>The usual libc convention: a negative result means errno says why.</summary>
    public static Outcome Of(long result) => new(result, result < 0 ? Interop.Errno.Last() : 0);

    /// <summary>A failure found without a call of its own (errno as the kernel would give it), or kept from an earlier call.</summary>
    public static Outcome Failed(int errno) => new(-1, errno);
}

/// <summary>
/// Executes one process's steps with real system calls and reports each call's outcome. A step on an object is made
/// by that object's mechanism (<see cref="WorkerMechanisms"/>); signals, processes and kernel state are partial files here.
/// A step that cannot be made as asked (a closed end, a queue that is gone) is made anyway, or reported with the
/// errno the kernel gives a C program in that spot: the process goes on, as a C program would.
/// </summary>
internal sealed unsafe partial class StepRunner
{
    private readonly SupervisorLink _link;
    private readonly ObjectHandles _handles;
    private readonly string _supervisorSocket;
    private readonly Dictionary<string, PlanObject> _objects;
    private readonly HashSet<string> _owned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _children = new(StringComparer.Ordinal);

    /// <summary>Inside a repeat, which time round the innermost one is (for the step's events); null outside.</summary>
    private int? _iteration;

    internal ObjectHandles Handles => _handles;

    /// <summary>Whether this process made the anonymous object itself (rather than inheriting it).</summary>
    internal bool Made(string objectId) => _owned.Contains(objectId);

    public StepRunner(SupervisorLink link, ObjectHandles handles, string supervisorSocket, WorkerScript script)
    {
        _link = link;
        _handles = handles;
        _supervisorSocket = supervisorSocket;
        _objects = script.Objects.ToDictionary(o => o.Id, StringComparer.Ordinal);
        // The supervisor's identifiers, unless this process inherited others from its parent.
        foreach (var (id, sysvId) in script.SysvIds ?? new Dictionary<string, int>()) _handles.SysvIds.TryAdd(id, sysvId);
    }

    /// <summary>Anonymous objects this process makes before its first step. No O_CLOEXEC: children inherit them.</summary>
    public void MakeOwnedObjects(IEnumerable<string> objectIds)
    {
        foreach (var id in objectIds)
        {
            _owned.Add(id);
            WorkerMechanisms.For(_objects[id]).MakeOwned(_objects[id], _handles);
        }
    }

    private int _reportedDescriptors;

    /// <summary>
    /// Tells the supervisor which descriptor is which end of which object when that changed since it last heard
    /// (before each step: what the last one opened, accepted or closed, and what the process inherited or made).
    /// </summary>
    private void ReportDescriptors()
    {
        if (_handles.Version == _reportedDescriptors) return;
        _reportedDescriptors = _handles.Version;
        // An end is named only when it is one of the contract's ("read", "first"); a socket's or an eventfd's own
        // descriptor is the object itself.
        _link.Send(new HandlesFrame
        {
            Fds = [.. _handles.Descriptors().Select(d => new HeldDescriptor
            {
                Fd = d.Fd, Object = d.Object, End = d.End is { } end && _objects[d.Object].Mechanism.Ends.Contains(end) ? end : null,
            })],
        });
    }

    /// <summary>A descriptor that arrived over a socket: held as the object and end <paramref name="received"/> names.</summary>
    internal void HoldReceived(DescriptorRef received, int fd) =>
        WorkerMechanisms.For(_objects[received.Object!]).HoldReceived(_objects[received.Object!], _handles, received.End, fd);

    /// <summary>Sockets this process listens or receives on, bound before its first step so others can reach them.</summary>
    public void BindSockets(IEnumerable<string> objectIds)
    {
        foreach (var id in objectIds) WorkerMechanisms.For(_objects[id]).Bind(_objects[id], _handles);
    }

    /// <summary>Runs the steps; returns the exit code the script asks for, or null to run on.</summary>
    public int? Run(IReadOnlyList<PlanStep> steps, string prefix = "")
    {
        var outer = _iteration;
        for (var i = 0; i < steps.Count; i++)
        {
            var path = prefix + i.ToString(CultureInfo.InvariantCulture);
            var step = steps[i];
            if (step.Kind == OpKind.Repeat)
            {
                for (var n = 0; n < (step.Times ?? 1); n++)
                {
                    _iteration = n;
                    if (Run(step.Steps ?? [], $"{path}.") is { } code) return code;
                }
                _iteration = outer;
                continue;
            }
            // Before the hold, so a held process's state says which ends it holds.
            ReportDescriptors();
            HoldBefore(step, path);
            if (step.Kind == OpKind.Exit) return step.Code ?? 0;
            Execute(step, path);
        }
        return null;
    }

    private void Execute(PlanStep step, string path)
    {
        var mechanism = step.Object is { } id ? WorkerMechanisms.For(_objects[id]) : null;
        var on = step.Object is { } objectId ? new ObjectStep(this, step, path, _objects[objectId]) : null;
        Action call = step.Kind switch
        {
            OpKind.Write => () => mechanism!.Write(on!),
            OpKind.Read => () => mechanism!.Read(on!),
            OpKind.Open => () => mechanism!.Open(on!),
            OpKind.Accept => () => mechanism!.Accept(on!),
            OpKind.Close => () => mechanism!.Close(on!),
            OpKind.Send => () => mechanism!.Send(on!),
            OpKind.Receive => () => mechanism!.Receive(on!),
            OpKind.Store => () => mechanism!.Store(on!),
            OpKind.Load => () => mechanism!.Load(on!),
            OpKind.Increment => () => mechanism!.Increment(on!),
            OpKind.SemWait => () => mechanism!.Semaphore(on!, -1),
            OpKind.SemPost => () => mechanism!.Semaphore(on!, +1),
            OpKind.Signal => () => SendSignal(step, path),
            OpKind.Handle => () => Handle(step, path),
            OpKind.Block => () => Mask(step, path, Libc.SIG_BLOCK),
            OpKind.Unblock => () => Mask(step, path, Libc.SIG_UNBLOCK),
            OpKind.WaitSignal => () => WaitSignal(step, path),
            OpKind.Spawn => () => Spawn(step, path),
            OpKind.Wait => () => Wait(step, path),
            OpKind.Sleep => () => Sleep(step, path),
            OpKind.Stat when step.Path is { } file => () => StatPath(step, path, file),
            OpKind.Stat => () => Stat(mechanism!, on!, path),
            OpKind.Remove => () => mechanism!.Remove(on!),
            OpKind.Fault => () => Fault(step, path),
            OpKind.Poll => () => Poll(step, path),
            OpKind.SendFd => () => mechanism!.SendFd(on!),
            OpKind.ReceiveFd => () => mechanism!.ReceiveFd(on!),
            OpKind.Exec => () => Exec(step, path),
            // Run takes these itself: a repeat runs its steps, an exit ends the script.
            OpKind.Repeat or OpKind.Exit => () => Fail(path, step, $"op '{step.Op}' reached the call table"),
        };
        call();
        if (mechanism is not null && mechanism.ReportsStateAfter(step.Kind))
            ReportState(mechanism, on!.Object, path);
    }

    /// <summary>Step mode: wait, before the step (or at <paramref name="phase"/> inside it), until the person lets this process go.</summary>
    internal void HoldBefore(PlanStep step, string path, string? phase = null)
    {
        if (!_link.Holding) return;
        // The object as the step waits, read through this process's own descriptor: what a person reasons from.
        if (phase is null && step.Object is { } id && _objects.TryGetValue(id, out var obj) && WorkerMechanisms.For(obj) is { ReportsStateAfterSteps: true } mechanism)
            ReportState(mechanism, obj, path);
        _link.Hold(new HeldFrame { Step = path, Iteration = _iteration, Op = step.Op, Object = step.Object, Target = step.Target, Phase = phase });
    }

    /// <summary>
    /// Announces the call (so the supervisor can see it block), makes it, and reports what it returned.
    /// <paramref name="announce"/> is false for calls that cannot block. <paramref name="details"/> adds to the report.
    /// </summary>
    internal Outcome Call(PlanStep step, string path, string call, Func<Outcome> syscall, bool announce = true,
        Func<Outcome, StepEndFrame, StepEndFrame>? details = null)
    {
        var begin = MonotonicClock.Now();
        if (announce)
            _link.Send(new StepBeginFrame { Step = path, Iteration = _iteration, Op = step.Op, Object = step.Object, Target = step.Target, Call = call, T = begin });
        var switches = Libc.VoluntarySwitches();
        var outcome = syscall();
        var finished = MonotonicClock.Now();
        var slept = Libc.VoluntarySwitches() != switches;
        var end = new StepEndFrame
        {
            Step = path, Iteration = _iteration, Op = step.Op, Object = step.Object, Target = step.Target, T = finished,
            DurationNs = finished - begin, Slept = slept,
            Result = outcome.Result, Errno = outcome.Result < 0 ? Interop.Errno.Name(outcome.Errno) : null,
            ErrnoText = outcome.Result < 0 ? Interop.Errno.Describe(outcome.Errno) : null,
            Data = outcome.Result >= 0 ? outcome.Data : null, Value = outcome.Value, Signal = step.Signal,
            MessageType = outcome.MessageType, MessagePriority = outcome.MessagePriority,
            SysvId = step.Object is { } id && _handles.SysvIds.TryGetValue(id, out var sysvId) ? sysvId : null,
        };
        _link.Send(details is null ? end : details(outcome, end));
        return outcome;
    }

    /// <summary>A step whose outcome is known without a call (the errno the kernel would give), reported as one.</summary>
    private void Report(PlanStep step, string path, string call, int errno) =>
        Call(step, path, call, () => Outcome.Failed(errno), announce: false);

    internal void Fail(string path, PlanStep step, string message) =>
        _link.Send(new FailureFrame { Message = $"step {path} ({step.Op} {step.Object ?? step.Target}): {message}" });
}

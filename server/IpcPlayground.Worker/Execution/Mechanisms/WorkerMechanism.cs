using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>
/// Everything the worker does for one object type, with real system calls: the supervisor's side (making named
/// objects before any process starts, reading their state without disturbing them) and a process's side (making
/// or binding its own, and each op a step makes on one). An op the type does not take keeps the default, which
/// fails the step naming the op and the type. A new mechanism is a class in its family's file
/// (<see cref="WorkerMechanisms"/> collects the families).
/// </summary>
internal abstract unsafe class WorkerMechanism
{
    public abstract ObjectKind Kind { get; }

    protected const int Mode = 0x1B6; // 0666: every process of the run is the same user anyway

    // ---- the supervisor's side ----

    /// <summary>
    /// Makes a named object before any process starts; returns its System V identifier (or 0), negative with errno
    /// set on failure. Anonymous objects and sockets are made by the processes that use them: nothing to do here.
    /// </summary>
    public virtual int Create(PlanObject obj) => 0;

    /// <summary>Whether the supervisor can read the object's state itself (it must not attach memory or open a pipe).</summary>
    public virtual bool SupervisorSees => false;

    /// <summary>
    /// The state as the supervisor reads it (a System V object by <paramref name="sysvId"/>); when the object is gone,
    /// a state that says <c>removed</c>, with the failing call's <paramref name="errno"/>. Null when it cannot see it.
    /// </summary>
    public virtual ObjectKernelState? Snapshot(PlanObject obj, int? sysvId, out int errno)
    {
        errno = 0;
        return null;
    }

    // ---- a process's side ----

    /// <summary>An anonymous object this process makes before its first step (no O_CLOEXEC: children inherit it).</summary>
    public virtual void MakeOwned(PlanObject obj, ObjectHandles handles) => throw new InvalidDataException($"a {obj.Type} is not made by a process");

    /// <summary>A socket this process binds (and listens on) before its first step, so others can reach it.</summary>
    public virtual void Bind(PlanObject obj, ObjectHandles handles) => throw new InvalidDataException($"a {obj.Type} is not bound");

    public virtual void Open(ObjectStep s) => s.NotAvailable();
    public virtual void Accept(ObjectStep s) => s.NotAvailable();
    public virtual void Write(ObjectStep s) => s.NotAvailable();
    public virtual void Read(ObjectStep s) => s.NotAvailable();
    public virtual void Send(ObjectStep s) => s.NotAvailable();
    public virtual void Receive(ObjectStep s) => s.NotAvailable();
    public virtual void Store(ObjectStep s) => s.NotAvailable();
    public virtual void Load(ObjectStep s) => s.NotAvailable();
    public virtual void Increment(ObjectStep s) => s.NotAvailable();

    /// <summary>semWait (<paramref name="sign"/> -1) or semPost (+1).</summary>
    public virtual void Semaphore(ObjectStep s, int sign) => s.NotAvailable();

    public virtual void Remove(ObjectStep s) => s.NotAvailable();

    /// <summary>sendFd over this socket (<see cref="PassedDescriptors"/>).</summary>
    public virtual void SendFd(ObjectStep s) => s.NotAvailable();

    /// <summary>receiveFd on this socket (<see cref="PassedDescriptors"/>).</summary>
    public virtual void ReceiveFd(ObjectStep s) => s.NotAvailable();

    /// <summary>
    /// A descriptor of this object that arrived over a socket, held from then on as <paramref name="end"/> (the one a
    /// receiveFd names or its senders do); an object without ends holds it as its one descriptor.
    /// </summary>
    public virtual void HoldReceived(PlanObject obj, ObjectHandles handles, string? end, int fd) => handles.Add(obj.Id, end ?? "socket", fd);

    /// <summary>
    /// close(2) of every end this process holds (or the end named); a descriptor held as two ends (a FIFO opened
    /// read-write) is closed with the second. Its result is the first failure, or 0; with no end held, close(-1), and
    /// the kernel answers EBADF.
    /// </summary>
    public virtual void Close(ObjectStep s)
    {
        var id = s.Object.Id;
        var ends = (s.Step.End is { } end ? [end] : s.Handles.EndsOf(id)).Where(e => s.Handles.Find(id, e) is not null).ToList();
        s.Call("close", () =>
        {
            if (ends.Count == 0) return Outcome.Of(Libc.Close(-1));
            var first = new Outcome(0);
            foreach (var held in ends)
            {
                var fd = s.Handles.Find(id, held)!.Value;
                if (!s.Handles.Remove(id, held)) continue;
                var closed = Outcome.Of(Libc.Close(fd));
                if (closed.Result < 0 && first.Result == 0) first = closed;
            }
            return first;
        }, announce: false);
    }

    /// <summary>The call a <c>stat</c> step makes.</summary>
    public abstract string StatCall { get; }

    /// <summary>
    /// The kernel's view of the object as this process sees it, by the calls a C program would make for a <c>stat</c>;
    /// null with the failing call's <paramref name="errno"/>. By default what the supervisor would read.
    /// </summary>
    public virtual ObjectKernelState? ReadState(PlanObject obj, ObjectHandles handles, out int errno)
    {
        var state = Snapshot(obj, handles.SysvIds.TryGetValue(obj.Id, out var id) ? id : null, out errno);
        return errno != 0 ? null : state;
    }

    /// <summary>
    /// Whether a step on it (write, read, store ...) is followed by its state from this process's own handle, which
    /// only a holder can read undisturbed (FIONREAD on its descriptor, a preview of its mapping).
    /// </summary>
    public virtual bool ReportsStateAfterSteps => false;

    /// <summary>Whether a step of this op on it is followed by the worker's own report of its state (and so by no supervisor snapshot).</summary>
    public bool ReportsStateAfter(OpKind op) =>
        ReportsStateAfterSteps && op is OpKind.Write or OpKind.Read or OpKind.Store or OpKind.Increment or OpKind.Open or OpKind.Accept or OpKind.SemWait or OpKind.SemPost;

    /// <summary>A state that says the object is gone, with errno as the failing call left it.</summary>
    protected static ObjectKernelState Removed(ObjectKernelState state, out int errno)
    {
        errno = Errno.Last();
        return state with { Removed = true };
    }

    /// <summary>errno as the last call left it, for a failure without a state.</summary>
    protected static ObjectKernelState? Failed(out int errno)
    {
        errno = Errno.Last();
        return null;
    }
}

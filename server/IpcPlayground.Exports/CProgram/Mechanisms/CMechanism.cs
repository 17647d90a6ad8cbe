using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>
/// One mechanism in the C program: the fields of its <c>struct ipc_object</c>, how it is made, and the call each op
/// makes on it — the C side of what the worker does for that object type. An op a mechanism does not take answers
/// null, and the translator says which op and type met. A new mechanism is a class in its family's file (<see cref="CMechanisms"/> collects the families).
/// </summary>
internal abstract class CMechanism
{
    public abstract ObjectKind Kind { get; }

    /// <summary>Assignments of the fields only this type has, to the object's struct (<paramref name="name"/>).</summary>
    public virtual IEnumerable<string> Fields(PlanObject obj, string name) => [];

    /// <summary>A socket's type (<c>SOCK_STREAM</c> ...), which binding and connecting use; null for the others.</summary>
    public virtual string? SocketType => null;

    /// <summary>
    /// C helpers only this mechanism calls, as sections of the runtime library (each after a line
    /// <c>//@ name needs other ...</c>), so a new mechanism brings its C with it.
    /// </summary>
    public virtual string? Runtime => null;

    /// <summary>main's call that makes the object before any process starts, or null when a process makes it.</summary>
    public virtual string? Creation => null;

    /// <summary>The call by which the process that owns an anonymous object makes it before its first step.</summary>
    public virtual string? MadeByOwner => null;

    /// <summary>The <c>stat</c> step's helper, which prints the kernel's view of the object.</summary>
    public abstract string StatHelper { get; }

    public virtual string? Open(CStatements c, PlanStep step, CTarget target) => null;
    public virtual string? Write(CStatements c, PlanStep step, CTarget target) => null;
    public virtual string? Read(CStatements c, PlanStep step, CTarget target) => null;
    public virtual string? Send(CStatements c, PlanStep step, CTarget target) => null;
    public virtual string? Receive(CStatements c, PlanStep step, CTarget target) => null;
    public virtual string? Semaphore(CStatements c, PlanStep step, CTarget target, int sign) => null;

    /// <summary>sendFd over this socket of <paramref name="passed"/> (a C expression for the descriptor).</summary>
    public virtual string? SendFd(CStatements c, PlanStep step, CTarget target, string passed) => null;

    /// <summary>receiveFd on this socket, holding what arrives as <paramref name="asRef"/>'s <paramref name="asEnd"/>.</summary>
    public virtual string? ReceiveFd(CStatements c, PlanStep step, CTarget target, string asRef, string asEnd) => null;

    /// <summary>
    /// The end (a C <c>enum end</c>, or <c>-1</c> for a POSIX queue's handle) a descriptor of this object that arrived is
    /// held as: the one named, else its one descriptor — as the worker's HoldReceived decides.
    /// </summary>
    public virtual string ReceivedEnd(string? end) => end is null ? "SOCKET" : CNames.End(end);

    /// <summary>Whether store, load and increment work on it (shared memory).</summary>
    public virtual bool IsMemory => false;
}

/// <summary>The object a step acts on: its C reference (<c>&amp;obj_p</c>), its plan, and whether this process made it.</summary>
internal sealed record CTarget(string Ref, PlanObject Object, bool MadeHere);

using IpcPlayground.Contracts.Events;
using IpcPlayground.Worker.Framing;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>The supervisor's side of one worker's socket.</summary>
internal sealed class WorkerConnection(int fd)
{
    public int Fd { get; } = fd;
    public FrameAssembler Assembler { get; } = new();
    public string? Process { get; set; }
    public int Pid { get; set; }

    /// <summary>For the read end of an exec'd program's output pipe: which stream it is (<c>stdout</c>, <c>stderr</c>); null for a worker's socket.</summary>
    public string? OutputStream { get; init; }

    /// <summary>A worker's second connection, on which its C signal handler writes binary records.</summary>
    public bool IsSignalChannel { get; set; }

    /// <summary>Which of the worker's descriptors is which end of which object, as it last said (<see cref="HandlesFrame"/>).</summary>
    public IReadOnlyList<HeldDescriptor> Descriptors { get; set; } = [];

    /// <summary>The call the worker announced and has not yet reported back.</summary>
    public StepBeginFrame? Pending { get; set; }
    public bool PendingReportedBlocked { get; set; }

    /// <summary>Step mode: the processes blocked in a call (and that call) when this one was let go for its step.</summary>
    public IReadOnlyList<(WorkerConnection Connection, StepBeginFrame Call)>? BlockedAtGo { get; set; }
}

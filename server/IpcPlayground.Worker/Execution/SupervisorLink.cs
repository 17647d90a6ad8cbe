using IpcPlayground.Worker.Framing;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>A worker's connection to the supervisor: one hello, one script back, then a stream of frames.</summary>
internal sealed unsafe class SupervisorLink
{
    private readonly int _fd;

    private SupervisorLink(int fd, string process, int pid)
    {
        _fd = fd;
        Process = process;
        Pid = pid;
    }

    public string Process { get; }
    public int Pid { get; }

    public static SupervisorLink Connect(string socketName, string process) =>
        new(ConnectSocket(socketName), process, Libc.GetPid()) { _socketName = socketName };

    private string _socketName = "";

    private static int ConnectSocket(string socketName)
    {
        var fd = Libc.Socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0);
        if (fd < 0) throw new IOException($"socket: {Errno.Name(Errno.Last())}");
        var address = UnixAddress.Abstract(socketName);
        fixed (byte* a = address)
            if (Libc.Connect(fd, a, address.Length) != 0)
                throw new IOException($"connect to supervisor: {Errno.Name(Errno.Last())}");
        return fd;
    }

    /// <summary>Asks the supervisor for the pid of another process of the run; 0 when it is not running.</summary>
    public int QueryPid(string target)
    {
        Send(new PidQueryFrame { Target = target });
        return FrameSocket.Receive(_fd, WorkerProtocolJsonContext.Default.ISupervisorReply) is PidAnswerFrame answer ? answer.Answer : 0;
    }

    /// <summary>A second connection on which the C signal handler writes its records; returns its descriptor.</summary>
    public int OpenSignalChannel()
    {
        var fd = ConnectSocket(_socketName);
        FrameSocket.Send<IWorkerFrame>(fd, new HelloFrame { Channel = "signals", Process = Process, Pid = Pid, T = MonotonicClock.Now() }, WorkerProtocolJsonContext.Default.IWorkerFrame);
        return fd;
    }

    public WorkerScript Hello()
    {
        Send(new HelloFrame());
        var script = FrameSocket.Receive(_fd, WorkerProtocolJsonContext.Default.WorkerScript);
        Holding = script.StepMode;
        return script;
    }

    /// <summary>Step mode: whether this process still waits for the supervisor's go before each step.</summary>
    public bool Holding { get; private set; }

    /// <summary>Step mode: says where this process is held and waits for the go (which may free it for good).</summary>
    public void Hold(HeldFrame held)
    {
        Send(held);
        if (FrameSocket.Receive(_fd, WorkerProtocolJsonContext.Default.ISupervisorReply) is GoFrame { Free: true }) Holding = false;
    }

    /// <summary>Says the process is about to execve and waits until the supervisor holds its output pipes.</summary>
    public void AnnounceExec(ExecFrame exec)
    {
        Send(exec);
        FrameSocket.Receive(_fd, WorkerProtocolJsonContext.Default.ISupervisorReply);
    }

    /// <summary>Stamps the frame with this process and the current monotonic time unless it carries a time.</summary>
    public void Send<TFrame>(TFrame frame) where TFrame : Frame, IWorkerFrame =>
        FrameSocket.Send(_fd, (IWorkerFrame)(frame with { Process = frame.Process ?? Process, Pid = frame.Pid == 0 ? Pid : frame.Pid, T = frame.T == 0 ? MonotonicClock.Now() : frame.T }),
            WorkerProtocolJsonContext.Default.IWorkerFrame);
}

using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>
/// <c>open</c>: a FIFO is opened (and blocks until the other end is), a socket connects, shared memory is attached,
/// a POSIX object is opened by name, and a System V object is looked up by its key — where IPC_PRIVATE makes a new
/// one every time, and ftok gives every process the same key for the same file.
/// </summary>
internal sealed unsafe partial class StepRunner
{
    private void Open(PlanStep step, string path)
    {
        var obj = Object(step);
        switch (obj.Kind)
        {
            case ObjectKind.Fifo: OpenFifo(step, path, obj); break;
            case ObjectKind.UnixStream or ObjectKind.Tcp or ObjectKind.UnixDgram: Connect(step, path, obj); break;
            case ObjectKind.SysvMsgQueue or ObjectKind.SysvShm or ObjectKind.SysvSem: OpenSysv(step, path, obj); break;
            case ObjectKind.PosixMsgQueue: OpenQueue(step, path, obj); break;
            case ObjectKind.PosixShm: AttachPosix(step, path, obj, report: true, out _); break;
            case ObjectKind.PosixSem: OpenPosixSemaphore(step, path, obj); break;
            case ObjectKind.Pipe or ObjectKind.SocketPair: NotOn(step, path, obj); break;
        }
    }

    private void OpenFifo(PlanStep step, string path, PlanObject obj)
    {
        var flags = step.Mode switch { "write" => Libc.O_WRONLY, "read-write" => Libc.O_RDWR, _ => Libc.O_RDONLY };
        var outcome = Call(step, path, "open", () => Outcome.Of(Libc.Open(obj.Path!, flags, 0)));
        if (outcome.Result < 0) return;
        var fd = (int)outcome.Result;
        if (step.Mode is "read" or "read-write") _handles.Add(obj.Id, "read", fd);
        if (step.Mode is "write" or "read-write") _handles.Add(obj.Id, "write", fd);
    }

    private void Connect(PlanStep step, string path, PlanObject obj)
    {
        var tcp = obj.Kind == ObjectKind.Tcp;
        var datagram = obj.Kind == ObjectKind.UnixDgram;
        var address = tcp ? UnixAddress.Loopback(obj.Port) : UnixAddress.Path(obj.Path!);
        var fd = Libc.Socket(tcp ? Libc.AF_INET : Libc.AF_UNIX, datagram ? Libc.SOCK_DGRAM : Libc.SOCK_STREAM, 0);
        var outcome = Call(step, path, "connect", () =>
        {
            fixed (byte* a = address) return Outcome.Of(Libc.Connect(fd, a, address.Length));
        });
        if (outcome.Result < 0) Libc.Close(fd);
        else _handles.Add(obj.Id, datagram ? "connected" : "socket", fd);
    }

    private void OpenSysv(PlanStep step, string path, PlanObject obj)
    {
        var key = SysvKeys.Of(obj);
        const int flags = Libc.IPC_CREAT | 0x180;
        var (call, get) = obj.Kind switch
        {
            ObjectKind.SysvMsgQueue => ("msgget", (Func<long>)(() => Libc.MsgGet(key, flags))),
            ObjectKind.SysvShm => ("shmget", () => Libc.ShmGet(key, obj.Size, flags)),
            ObjectKind.SysvSem => ("semget", () => Libc.SemGet(key, obj.Count, flags)),
            _ => throw new InvalidDataException($"a {obj.Type} has no System V key"),
        };
        // From here on the process uses the identifier the open returned (a new object, for IPC_PRIVATE).
        var outcome = Call(step, path, call, () => Outcome.Of(get()), announce: false,
            details: (made, end) => made.Result >= 0 ? end with { SysvId = (int)made.Result } : end);
        if (outcome.Result < 0) return;
        _handles.SysvIds[obj.Id] = (int)outcome.Result;
        if (obj.Kind == ObjectKind.SysvShm) AttachSysv(step, path, obj, report: true, out _);
    }

    /// <summary>This process's descriptor of the POSIX queue, opened read-write on first use; -1 (and why) if it cannot be.</summary>
    private int QueueDescriptor(PlanObject obj, out int errno)
    {
        errno = 0;
        if (_handles.Queues.TryGetValue(obj.Id, out var mq)) return mq;
        mq = Libc.MqOpen(obj.Name!, Libc.O_RDWR, 0, null);
        if (mq < 0) errno = Interop.Errno.Last();
        else _handles.Queues[obj.Id] = mq;
        return mq;
    }

    private void OpenQueue(PlanStep step, string path, PlanObject obj)
    {
        var flags = step.Mode switch { "read" => Libc.O_RDONLY, "write" => Libc.O_WRONLY, _ => Libc.O_RDWR };
        var outcome = Call(step, path, "mq_open", () => Outcome.Of(Libc.MqOpen(obj.Name!, flags, 0, null)), announce: false);
        if (outcome.Result >= 0) _handles.Queues[obj.Id] = (int)outcome.Result;
    }
}

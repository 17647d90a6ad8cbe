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
        switch (obj.Type)
        {
            case "fifo": OpenFifo(step, path, obj); break;
            case "unix-stream" or "tcp" or "unix-dgram": Connect(step, path, obj); break;
            case "sysv-msgq" or "sysv-shm" or "sysv-sem": OpenSysv(step, path, obj); break;
            case "posix-mq": OpenQueue(step, path, obj); break;
            case "posix-shm": AttachPosix(step, path, obj, report: true, out _); break;
            case "posix-sem": OpenPosixSemaphore(step, path, obj); break;
            default: Fail(path, step, $"a {obj.Type} is not opened"); break;
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
        var tcp = obj.Type == "tcp";
        var address = tcp ? UnixAddress.Loopback(obj.Port) : UnixAddress.Path(obj.Path!);
        var fd = Libc.Socket(tcp ? Libc.AF_INET : Libc.AF_UNIX, obj.Type == "unix-dgram" ? Libc.SOCK_DGRAM : Libc.SOCK_STREAM, 0);
        var outcome = Call(step, path, "connect", () =>
        {
            fixed (byte* a = address) return Outcome.Of(Libc.Connect(fd, a, address.Length));
        });
        if (outcome.Result < 0) Libc.Close(fd);
        else _handles.Add(obj.Id, obj.Type == "unix-dgram" ? "connected" : "socket", fd);
    }

    private int SysvKey(PlanObject obj) => obj.KeyKind switch
    {
        "ftok" => Libc.Ftok(obj.Path!, obj.FtokProj),
        "number" => obj.KeyValue,
        _ => 0, // IPC_PRIVATE
    };

    private void OpenSysv(PlanStep step, string path, PlanObject obj)
    {
        var key = SysvKey(obj);
        const int flags = Libc.IPC_CREAT | 0x180;
        var (call, get) = obj.Type switch
        {
            "sysv-msgq" => ("msgget", (Func<long>)(() => Libc.MsgGet(key, flags))),
            "sysv-shm" => ("shmget", () => Libc.ShmGet(key, obj.Size, flags)),
            _ => ("semget", () => Libc.SemGet(key, obj.Count, flags)),
        };
        // From here on the process uses the identifier the open returned (a new object, for IPC_PRIVATE).
        var outcome = Call(step, path, call, () => Outcome.Of(get()), announce: false,
            details: (made, end) => made.Result >= 0 ? end with { SysvId = (int)made.Result } : end);
        if (outcome.Result < 0) return;
        _handles.SysvIds[obj.Id] = (int)outcome.Result;
        if (obj.Type == "sysv-shm") AttachSysv(step, path, obj, report: true, out _);
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

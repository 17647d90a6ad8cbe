using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Creates the run's named objects before any process starts: FIFOs, the files ftok keys name, System V queues,
/// segments and semaphore sets, POSIX queues, shared memory and semaphores. They live in the sandbox's IPC
/// namespace and tmpfs, so they vanish with the sandbox.
/// </summary>
internal static unsafe class NamedObjects
{
    private const int Mode = 0x1B6; // 0666: every process of the run is the same user anyway

    /// <summary>Creates them; returns the System V identifiers by object id, and adds a message for each failure.</summary>
    public static Dictionary<string, int> Create(IEnumerable<PlanObject> objects, List<string> failures)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var obj in objects)
        {
            var rc = obj.Kind switch
            {
                ObjectKind.Fifo => Libc.MkFifo(obj.Path!, Mode),
                ObjectKind.SysvMsgQueue => Track(ids, obj, Libc.MsgGet(Key(obj), Libc.IPC_CREAT | Mode)),
                ObjectKind.SysvShm => Track(ids, obj, Libc.ShmGet(Key(obj), obj.Size, Libc.IPC_CREAT | Mode)),
                ObjectKind.SysvSem => Track(ids, obj, CreateSemaphoreSet(obj)),
                ObjectKind.PosixMsgQueue => CreateQueue(obj),
                ObjectKind.PosixShm => CreateSharedMemory(obj),
                ObjectKind.PosixSem => CreateSemaphore(obj),
                // Made by the processes that use them: anonymous ones by their creator, sockets by their binder.
                ObjectKind.Pipe or ObjectKind.SocketPair or ObjectKind.UnixStream or ObjectKind.UnixDgram or ObjectKind.Tcp => 0,
            };
            if (rc < 0) failures.Add($"creating {obj.Type} '{obj.Id}': {Errno.Name(Errno.Last())}");
        }
        return ids;
    }

    private static int Track(Dictionary<string, int> ids, PlanObject obj, int id)
    {
        if (id >= 0) ids[obj.Id] = id;
        return id;
    }

    /// <summary>ftok needs an existing file: the experiment names a path in the sandbox, and the runtime makes it.</summary>
    private static int Key(PlanObject obj)
    {
        if (obj.SysvKey == SysvKeyKind.Ftok)
        {
            var fd = Libc.Open(obj.Path!, Libc.O_CREAT | Libc.O_RDWR, Mode);
            if (fd >= 0) Libc.Close(fd);
        }
        return SysvKeys.Of(obj);
    }

    private static int CreateSemaphoreSet(PlanObject obj)
    {
        var id = Libc.SemGet(Key(obj), obj.Count, Libc.IPC_CREAT | Mode);
        if (id < 0) return id;
        var values = stackalloc ushort[obj.Count];
        for (var i = 0; i < obj.Count; i++) values[i] = (ushort)obj.Initial;
        return Libc.SemCtl(id, 0, Libc.SETALL, (nint)values) < 0 ? -1 : id;
    }

    private static int CreateQueue(PlanObject obj)
    {
        var attr = new Libc.MqAttr { MaxMsg = obj.MaxMessages, MsgSize = obj.MessageSize };
        var mq = Libc.MqOpen(obj.Name!, Libc.O_CREAT | Libc.O_RDWR, Mode, &attr);
        if (mq >= 0) Libc.MqClose(mq);
        return mq;
    }

    private static int CreateSharedMemory(PlanObject obj)
    {
        var fd = Libc.ShmOpen(obj.Name!, Libc.O_CREAT | Libc.O_RDWR, Mode);
        if (fd < 0) return fd;
        var rc = Libc.FTruncate(fd, obj.Size);
        Libc.Close(fd);
        return rc;
    }

    private static int CreateSemaphore(PlanObject obj) =>
        Libc.SemOpen(obj.Name!, Libc.O_CREAT, Mode, (uint)obj.Initial) == Libc.SEM_FAILED ? -1 : 0;
}

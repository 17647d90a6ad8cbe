using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Worker.Interop;
using IpcPlayground.Worker.Supervision;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>
/// The kernel's view of one object as a process sees it, by the calls a C program would make for a <c>stat</c>:
/// FIONREAD on a descriptor it holds (-1 when it holds none: EBADF), its own POSIX queue or semaphore handle when it
/// has one, its mapping's first bytes; and for the rest what anyone in the sandbox can read (<see cref="ObjectSnapshots"/>).
/// </summary>
internal static unsafe class ObjectState
{
    /// <summary>The state, or null with the failing call's <paramref name="errno"/>.</summary>
    public static ObjectKernelState? Read(PlanObject obj, ObjectHandles handles, out int errno)
    {
        errno = 0;
        switch (obj.Kind)
        {
            case ObjectKind.Pipe or ObjectKind.Fifo or ObjectKind.SocketPair or ObjectKind.UnixStream or ObjectKind.Tcp or ObjectKind.UnixDgram:
            {
                var fd = StatOrder.Select(e => handles.Find(obj.Id, e)).FirstOrDefault(f => f is not null) ?? -1;
                int buffered;
                if (Libc.Ioctl(fd, Libc.FIONREAD, &buffered) < 0)
                {
                    errno = Errno.Last();
                    return null;
                }
                long? capacity = obj.Kind is ObjectKind.Pipe or ObjectKind.Fifo ? Libc.Fcntl(fd, Libc.F_GETPIPE_SZ, 0) : null;
                return StreamState(obj.Kind, buffered, capacity);
            }
            case ObjectKind.PosixShm:
                return new PosixMemoryState { Size = obj.Size, PreviewHex = Preview(handles, obj) };
            case ObjectKind.PosixMsgQueue when handles.Queues.TryGetValue(obj.Id, out var mq):
            {
                Libc.MqAttr attr;
                if (Libc.MqGetAttr(mq, &attr) < 0)
                {
                    errno = Errno.Last();
                    return null;
                }
                return ObjectSnapshots.QueueState(attr);
            }
            case ObjectKind.PosixSem when handles.Semaphores.TryGetValue(obj.Id, out var semaphore):
            {
                int value;
                if (Libc.SemGetValue(semaphore, &value) < 0)
                {
                    errno = Errno.Last();
                    return null;
                }
                return new PosixSemaphoreState { Value = value };
            }
            default:
                var shared = ObjectSnapshots.Take(obj, handles.SysvIds.TryGetValue(obj.Id, out var id) ? id : null, out errno);
                if (shared is null || errno != 0) return null;
                return shared is SysvMemoryState memory ? memory with { PreviewHex = Preview(handles, obj) } : shared;
        }
    }

    /// <summary>
    /// The end a stat asks FIONREAD on, as the C program does: the first of its data ends it holds (a listening socket
    /// only when it holds nothing else, and FIONREAD on that is EINVAL).
    /// </summary>
    private static readonly string[] StatOrder = ["socket", "read", "write", "first", "second", "connected", "bound", "sender", "listener"];

    /// <summary>The first bytes of this process's mapping of the segment, or null when it has none.</summary>
    private static string? Preview(ObjectHandles handles, PlanObject obj)
    {
        if (!handles.Mappings.TryGetValue(obj.Id, out var mapping)) return null;
        return Convert.ToHexString(new ReadOnlySpan<byte>((void*)mapping.Address, Math.Min(64, mapping.Size)));
    }

    private static StreamState StreamState(ObjectKind kind, long buffered, long? capacity) => kind switch
    {
        ObjectKind.Pipe => new PipeState { Buffered = buffered, Capacity = capacity },
        ObjectKind.Fifo => new FifoState { Buffered = buffered, Capacity = capacity },
        ObjectKind.SocketPair => new SocketPairState { Buffered = buffered },
        ObjectKind.UnixStream => new UnixStreamState { Buffered = buffered },
        ObjectKind.UnixDgram => new UnixDgramState { Buffered = buffered },
        ObjectKind.Tcp => new TcpState { Buffered = buffered },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a stream"),
    };
}

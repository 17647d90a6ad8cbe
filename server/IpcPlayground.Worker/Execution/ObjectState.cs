using IpcPlayground.Contracts.Experiments;
using System.Text.Json.Nodes;
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
    public static JsonObject? Read(PlanObject obj, ObjectHandles handles, out int errno)
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
                var state = new JsonObject { ["type"] = obj.Type, ["buffered"] = buffered };
                if (obj.Kind is ObjectKind.Pipe or ObjectKind.Fifo) state["capacity"] = Libc.Fcntl(fd, Libc.F_GETPIPE_SZ, 0);
                return state;
            }
            case ObjectKind.PosixShm:
                return AddPreview(new JsonObject { ["type"] = obj.Type, ["size"] = obj.Size }, handles, obj);
            case ObjectKind.PosixMsgQueue when handles.Queues.TryGetValue(obj.Id, out var mq):
            {
                Libc.MqAttr attr;
                if (Libc.MqGetAttr(mq, &attr) < 0)
                {
                    errno = Errno.Last();
                    return null;
                }
                return ObjectSnapshots.QueueState(obj, attr);
            }
            case ObjectKind.PosixSem when handles.Semaphores.TryGetValue(obj.Id, out var semaphore):
            {
                int value;
                if (Libc.SemGetValue(semaphore, &value) < 0)
                {
                    errno = Errno.Last();
                    return null;
                }
                return new JsonObject { ["type"] = obj.Type, ["value"] = value };
            }
            default:
                var shared = ObjectSnapshots.Take(obj, handles.SysvIds.TryGetValue(obj.Id, out var id) ? id : null, out errno);
                if (shared is null || errno != 0) return null;
                return obj.Kind == ObjectKind.SysvShm ? AddPreview(shared, handles, obj) : shared;
        }
    }

    /// <summary>
    /// The end a stat asks FIONREAD on, as the C program does: the first of its data ends it holds (a listening socket
    /// only when it holds nothing else, and FIONREAD on that is EINVAL).
    /// </summary>
    private static readonly string[] StatOrder = ["socket", "read", "write", "first", "second", "connected", "bound", "sender", "listener"];

    private static JsonObject AddPreview(JsonObject state, ObjectHandles handles, PlanObject obj)
    {
        if (!handles.Mappings.TryGetValue(obj.Id, out var mapping)) return state;
        var bytes = new ReadOnlySpan<byte>((void*)mapping.Address, Math.Min(64, mapping.Size));
        state["previewHex"] = Convert.ToHexString(bytes);
        return state;
    }
}

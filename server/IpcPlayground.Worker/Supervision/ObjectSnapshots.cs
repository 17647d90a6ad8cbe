using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// The supervisor's own view of the kernel objects it can inspect without disturbing them: System V objects by
/// IPC_STAT, GETALL, GETNCNT and MSG_COPY (which reads a queued message without taking it), POSIX queues by
/// mq_getattr, POSIX semaphores by sem_getvalue. It never attaches shared memory (that would change the attach
/// count) and never opens a pipe (that would add a reader or a writer): workers report those from their own handles.
/// </summary>
internal static unsafe class ObjectSnapshots
{
    private const int MSG_COPY = 0x4000;
    private const int MaxListedMessages = 32;

    /// <summary>Whether the supervisor can read the object's state itself (it must not attach memory or open a pipe).</summary>
    public static bool Covers(PlanObject obj) => obj.Kind is ObjectKind.SysvMsgQueue or ObjectKind.SysvSem or ObjectKind.SysvShm or ObjectKind.PosixMsgQueue or ObjectKind.PosixSem;

    /// <summary>
    /// The object's state (a System V one by the identifier <paramref name="sysvId"/>); when the object is gone, a state
    /// that says <c>removed</c>, with the failing call's <paramref name="errno"/>. Null for types it does not cover.
    /// </summary>
    public static ObjectKernelState? Take(PlanObject obj, int? sysvId, out int errno)
    {
        errno = 0;
        var key = obj.Mechanism.IsSysv ? SysvKeys.Text(obj) : null;
        switch (obj.Kind)
        {
            case ObjectKind.SysvMsgQueue when sysvId is { } id:
            {
                // The count and the listing are two calls; a process may send or receive between them. Read until
                // both agree, so a snapshot never shows a queue that did not exist.
                for (var attempt = 0; ; attempt++)
                {
                    Libc.MsqidDs ds;
                    if (Libc.MsgCtl(id, Libc.IPC_STAT, &ds) != 0) return Removed(new SysvQueueState { Key = key }, out errno);
                    var listed = QueuedMessages(id, (int)Math.Min(ds.QNum, MaxListedMessages));
                    Libc.MsqidDs after;
                    if (Libc.MsgCtl(id, Libc.IPC_STAT, &after) != 0) return Removed(new SysvQueueState { Key = key }, out errno);
                    var consistent = after.QNum == ds.QNum && after.CBytes == ds.CBytes && listed.Count == (int)Math.Min(ds.QNum, MaxListedMessages);
                    if (!consistent && attempt < 5) continue;
                    return new SysvQueueState
                    {
                        Key = key, Id = id, Messages = (long)ds.QNum, Bytes = (long)ds.CBytes, MaxBytes = (long)ds.QBytes, Queue = listed,
                    };
                }
            }
            case ObjectKind.SysvSem when sysvId is { } id:
            {
                var values = new long[obj.Count];
                var waiting = new long[obj.Count];
                var waitingForZero = new long[obj.Count];
                for (var i = 0; i < obj.Count; i++)
                {
                    var value = Libc.SemCtl(id, i, Libc.GETVAL, 0);
                    if (value < 0) return Removed(new SysvSemaphoreState { Key = key }, out errno);
                    values[i] = value;
                    waiting[i] = Libc.SemCtl(id, i, Libc.GETNCNT, 0);
                    waitingForZero[i] = Libc.SemCtl(id, i, Libc.GETZCNT, 0);
                }
                return new SysvSemaphoreState { Key = key, Id = id, Values = values, Waiting = waiting, WaitingForZero = waitingForZero };
            }
            case ObjectKind.SysvShm when sysvId is { } id:
            {
                Libc.ShmidDs ds;
                if (Libc.ShmCtl(id, Libc.IPC_STAT, &ds) != 0) return Removed(new SysvMemoryState { Key = key }, out errno);
                return new SysvMemoryState { Key = key, Id = id, Size = (long)ds.SegSz, Attached = (long)ds.NAttch };
            }
            case ObjectKind.PosixMsgQueue:
            {
                var mq = Libc.MqOpen(obj.Name!, Libc.O_RDONLY | Libc.O_NONBLOCK, 0, null);
                if (mq < 0) return Removed(new PosixQueueState(), out errno);
                Libc.MqAttr attr;
                Libc.MqGetAttr(mq, &attr);
                Libc.MqClose(mq);
                return QueueState(attr);
            }
            case ObjectKind.PosixSem:
            {
                var semaphore = Libc.SemOpen(obj.Name!, 0, 0, 0);
                if (semaphore == Libc.SEM_FAILED) return Removed(new PosixSemaphoreState(), out errno);
                int value;
                Libc.SemGetValue(semaphore, &value);
                Libc.SemClose(semaphore);
                return new PosixSemaphoreState { Value = value };
            }
            default:
                return null;
        }
    }

    /// <summary>A POSIX queue's counters, as mq_getattr gave them.</summary>
    public static PosixQueueState QueueState(Libc.MqAttr attr) => new()
    {
        Messages = (long)attr.CurMsgs, MaxMessages = (long)attr.MaxMsg, MessageSize = (long)attr.MsgSize,
    };

    private static ObjectKernelState Removed(ObjectKernelState state, out int errno)
    {
        errno = Errno.Last();
        return state with { Removed = true };
    }

    /// <summary>Each queued message's type and size, read with MSG_COPY (by position, without dequeuing).</summary>
    private static List<QueuedMessage> QueuedMessages(int id, int count)
    {
        var list = new List<QueuedMessage>(count);
        var buffer = new byte[8 + 8192];
        fixed (byte* b = buffer)
            for (var i = 0; i < count; i++)
            {
                var n = Libc.MsgRcv(id, b, 8192, i, Libc.IPC_NOWAIT | MSG_COPY | Libc.MSG_NOERROR);
                if (n < 0) break;
                list.Add(new QueuedMessage(*(long*)b, n));
            }
        return list;
    }
}

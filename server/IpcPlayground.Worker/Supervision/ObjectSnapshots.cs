using IpcPlayground.Contracts.Experiments;
using System.Text.Json.Nodes;
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
    public static JsonObject? Take(PlanObject obj, int? sysvId, out int errno)
    {
        errno = 0;
        var state = new JsonObject { ["type"] = obj.Type };
        if (obj.Mechanism.IsSysv) state["key"] = SysvKeys.Text(obj);
        switch (obj.Kind)
        {
            case ObjectKind.SysvMsgQueue when sysvId is { } id:
            {
                // The count and the listing are two calls; a process may send or receive between them. Read until
                // both agree, so a snapshot never shows a queue that did not exist.
                for (var attempt = 0; ; attempt++)
                {
                    Libc.MsqidDs ds;
                    if (Libc.MsgCtl(id, Libc.IPC_STAT, &ds) != 0) return Removed(state, out errno);
                    var listed = QueuedMessages(id, (int)Math.Min(ds.QNum, MaxListedMessages));
                    Libc.MsqidDs after;
                    if (Libc.MsgCtl(id, Libc.IPC_STAT, &after) != 0) return Removed(state, out errno);
                    var consistent = after.QNum == ds.QNum && after.CBytes == ds.CBytes && listed.Count == (int)Math.Min(ds.QNum, MaxListedMessages);
                    if (!consistent && attempt < 5) continue;
                    state["id"] = id;
                    state["messages"] = (long)ds.QNum;
                    state["bytes"] = (long)ds.CBytes;
                    state["maxBytes"] = (long)ds.QBytes;
                    state["queue"] = listed;
                    return state;
                }
            }
            case ObjectKind.SysvSem when sysvId is { } id:
            {
                var values = new JsonArray();
                var waiting = new JsonArray();
                var waitingForZero = new JsonArray();
                for (var i = 0; i < obj.Count; i++)
                {
                    var value = Libc.SemCtl(id, i, Libc.GETVAL, 0);
                    if (value < 0) return Removed(state, out errno);
                    values.Add((JsonNode)JsonValue.Create(value));
                    waiting.Add((JsonNode)JsonValue.Create(Libc.SemCtl(id, i, Libc.GETNCNT, 0)));
                    waitingForZero.Add((JsonNode)JsonValue.Create(Libc.SemCtl(id, i, Libc.GETZCNT, 0)));
                }
                state["id"] = id;
                state["values"] = values;
                state["waiting"] = waiting;
                state["waitingForZero"] = waitingForZero;
                return state;
            }
            case ObjectKind.SysvShm when sysvId is { } id:
            {
                Libc.ShmidDs ds;
                if (Libc.ShmCtl(id, Libc.IPC_STAT, &ds) != 0) return Removed(state, out errno);
                state["id"] = id;
                state["size"] = (long)ds.SegSz;
                state["attached"] = (long)ds.NAttch;
                return state;
            }
            case ObjectKind.PosixMsgQueue:
            {
                var mq = Libc.MqOpen(obj.Name!, Libc.O_RDONLY | Libc.O_NONBLOCK, 0, null);
                if (mq < 0) return Removed(state, out errno);
                Libc.MqAttr attr;
                Libc.MqGetAttr(mq, &attr);
                Libc.MqClose(mq);
                return QueueState(obj, attr);
            }
            case ObjectKind.PosixSem:
            {
                var semaphore = Libc.SemOpen(obj.Name!, 0, 0, 0);
                if (semaphore == Libc.SEM_FAILED) return Removed(state, out errno);
                int value;
                Libc.SemGetValue(semaphore, &value);
                Libc.SemClose(semaphore);
                state["value"] = value;
                return state;
            }
            default:
                return null;
        }
    }

    /// <summary>A POSIX queue's counters, as mq_getattr gave them.</summary>
    public static JsonObject QueueState(PlanObject obj, Libc.MqAttr attr) => new()
    {
        ["type"] = obj.Type,
        ["messages"] = (long)attr.CurMsgs,
        ["maxMessages"] = (long)attr.MaxMsg,
        ["messageSize"] = (long)attr.MsgSize,
    };

    private static JsonObject Removed(JsonObject state, out int errno)
    {
        errno = Errno.Last();
        state["removed"] = true;
        return state;
    }

    /// <summary>Each queued message's type and size, read with MSG_COPY (by position, without dequeuing).</summary>
    private static JsonArray QueuedMessages(int id, int count)
    {
        var list = new JsonArray();
        var buffer = new byte[8 + 8192];
        fixed (byte* b = buffer)
            for (var i = 0; i < count; i++)
            {
                var n = Libc.MsgRcv(id, b, 8192, i, Libc.IPC_NOWAIT | MSG_COPY | Libc.MSG_NOERROR);
                if (n < 0) break;
                list.Add((JsonNode)new JsonObject { ["type"] = *(long*)b, ["size"] = (long)n });
            }
        return list;
    }
}

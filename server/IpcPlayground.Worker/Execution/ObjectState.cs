using System.Text.Json.Nodes;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>The kernel's view of one object, read with the calls that ask for it.</summary>
internal static unsafe class ObjectState
{
    public static JsonObject? Read(PlanObject obj, ObjectHandles handles, out int rc)
    {
        rc = 0;
        var state = new JsonObject { ["type"] = obj.Type };
        switch (obj.Type)
        {
            case "pipe" or "fifo" or "socketpair" or "unix-stream" or "tcp":
            {
                var fd = handles.EndsOf(obj.Id).Select(e => handles.Find(obj.Id, e)).FirstOrDefault(f => f is not null);
                if (fd is null) { rc = -1; return null; }
                int buffered;
                rc = Libc.Ioctl(fd.Value, Libc.FIONREAD, &buffered);
                state["buffered"] = buffered;
                if (obj.Type is "pipe" or "fifo") state["capacity"] = Libc.Fcntl(fd.Value, Libc.F_GETPIPE_SZ, 0);
                break;
            }
            case "sysv-msgq" when handles.SysvIds.TryGetValue(obj.Id, out var id):
            {
                Libc.MsqidDs ds;
                rc = Libc.MsgCtl(id, Libc.IPC_STAT, &ds);
                state["id"] = id;
                state["messages"] = (long)ds.QNum;
                state["bytes"] = (long)ds.CBytes;
                state["maxBytes"] = (long)ds.QBytes;
                state["lastSendPid"] = ds.LSPid;
                state["lastReceivePid"] = ds.LRPid;
                break;
            }
            case "posix-mq" when handles.Queues.TryGetValue(obj.Id, out var mq):
            {
                Libc.MqAttr attr;
                rc = Libc.MqGetAttr(mq, &attr);
                state["messages"] = (long)attr.CurMsgs;
                state["maxMessages"] = (long)attr.MaxMsg;
                state["messageSize"] = (long)attr.MsgSize;
                break;
            }
            case "sysv-shm" when handles.SysvIds.TryGetValue(obj.Id, out var id):
            {
                Libc.ShmidDs ds;
                rc = Libc.ShmCtl(id, Libc.IPC_STAT, &ds);
                state["id"] = id;
                state["size"] = (long)ds.SegSz;
                state["attached"] = (long)ds.NAttch;
                AddPreview(state, handles, obj);
                break;
            }
            case "posix-shm":
                state["size"] = obj.Size;
                AddPreview(state, handles, obj);
                break;
            case "sysv-sem" when handles.SysvIds.TryGetValue(obj.Id, out var id):
            {
                var values = new JsonArray();
                var waiting = new JsonArray();
                var waitingForZero = new JsonArray();
                for (var i = 0; i < obj.Count; i++)
                {
                    values.Add((JsonNode)JsonValue.Create(Libc.SemCtl(id, i, Libc.GETVAL, 0)));
                    waiting.Add((JsonNode)JsonValue.Create(Libc.SemCtl(id, i, Libc.GETNCNT, 0)));
                    waitingForZero.Add((JsonNode)JsonValue.Create(Libc.SemCtl(id, i, Libc.GETZCNT, 0)));
                }
                state["id"] = id;
                state["values"] = values;
                state["waiting"] = waiting;
                state["waitingForZero"] = waitingForZero;
                break;
            }
            case "posix-sem" when handles.Semaphores.TryGetValue(obj.Id, out var semaphore):
            {
                int value;
                rc = Libc.SemGetValue(semaphore, &value);
                state["value"] = value;
                break;
            }
            default:
                rc = -1;
                return null;
        }
        return state;
    }

    private static void AddPreview(JsonObject state, ObjectHandles handles, PlanObject obj)
    {
        if (!handles.Mappings.TryGetValue(obj.Id, out var mapping)) return;
        var bytes = new ReadOnlySpan<byte>((void*)mapping.Address, Math.Min(64, mapping.Size));
        state["previewHex"] = Convert.ToHexString(bytes);
    }
}

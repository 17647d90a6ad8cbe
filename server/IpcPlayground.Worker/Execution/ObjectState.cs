using System.Text.Json.Nodes;
using IpcPlayground.Worker.Interop;
using IpcPlayground.Worker.Supervision;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>
/// The kernel's view of one object as a process sees it: what only a holder can read (FIONREAD on its descriptor,
/// the bytes of its mapping), on top of what anyone in the sandbox can read (<see cref="ObjectSnapshots"/>).
/// </summary>
internal static unsafe class ObjectState
{
    public static JsonObject? Read(PlanObject obj, ObjectHandles handles, out int rc)
    {
        rc = 0;
        switch (obj.Type)
        {
            case "pipe" or "fifo" or "socketpair" or "unix-stream" or "tcp":
            {
                var fd = handles.EndsOf(obj.Id).Select(e => handles.Find(obj.Id, e)).FirstOrDefault(f => f is not null);
                if (fd is null) { rc = -1; return null; }
                int buffered;
                rc = Libc.Ioctl(fd.Value, Libc.FIONREAD, &buffered);
                var state = new JsonObject { ["type"] = obj.Type, ["buffered"] = buffered };
                if (obj.Type is "pipe" or "fifo") state["capacity"] = Libc.Fcntl(fd.Value, Libc.F_GETPIPE_SZ, 0);
                return state;
            }
            case "posix-shm":
                return AddPreview(new JsonObject { ["type"] = obj.Type, ["size"] = obj.Size }, handles, obj);
            default:
                var shared = ObjectSnapshots.Take(obj, handles.SysvIds);
                if (shared is null) { rc = -1; return null; }
                return obj.Type == "sysv-shm" ? AddPreview(shared, handles, obj) : shared;
        }
    }

    private static JsonObject AddPreview(JsonObject state, ObjectHandles handles, PlanObject obj)
    {
        if (!handles.Mappings.TryGetValue(obj.Id, out var mapping)) return state;
        var bytes = new ReadOnlySpan<byte>((void*)mapping.Address, Math.Min(64, mapping.Size));
        state["previewHex"] = Convert.ToHexString(bytes);
        return state;
    }
}

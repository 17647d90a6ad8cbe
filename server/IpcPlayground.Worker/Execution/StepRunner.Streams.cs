using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>Byte streams: pipes, FIFOs, socketpairs, Unix stream and TCP sockets.</summary>
internal sealed unsafe partial class StepRunner
{
    /// <summary>Anonymous objects this process makes before its first step. No O_CLOEXEC: children inherit them.</summary>
    public void CreateOwnedObjects(IEnumerable<string> objectIds)
    {
        var fds = stackalloc int[2];
        foreach (var id in objectIds)
        {
            var obj = _objects[id];
            _owned.Add(id);
            if (obj.Type == "socketpair")
            {
                if (Libc.SocketPair(Libc.AF_UNIX, Libc.SOCK_STREAM, 0, fds) != 0)
                    throw new IOException($"socketpair for '{id}': {Interop.Errno.Name(Interop.Errno.Last())}");
                _handles.Add(id, "first", fds[0]);
                _handles.Add(id, "second", fds[1]);
                continue;
            }
            if (Libc.Pipe2(fds, 0) != 0)
                throw new IOException($"pipe2 for '{id}': {Interop.Errno.Name(Interop.Errno.Last())}");
            if (obj.Capacity is { } capacity && Libc.Fcntl(fds[1], Libc.F_SETPIPE_SZ, capacity) < 0)
                throw new IOException($"F_SETPIPE_SZ {capacity} for '{id}': {Interop.Errno.Name(Interop.Errno.Last())}");
            _handles.Add(id, "read", fds[0]);
            _handles.Add(id, "write", fds[1]);
        }
    }

    /// <summary>Sockets this process listens or receives on, bound before its first step so others can reach them.</summary>
    public void BindSockets(IEnumerable<string> objectIds)
    {
        foreach (var id in objectIds)
        {
            var obj = _objects[id];
            var (domain, type, address) = obj.Type switch
            {
                "tcp" => (Libc.AF_INET, Libc.SOCK_STREAM, UnixAddress.Loopback(obj.Port)),
                "unix-dgram" => (Libc.AF_UNIX, Libc.SOCK_DGRAM, UnixAddress.Path(obj.Path!)),
                _ => (Libc.AF_UNIX, Libc.SOCK_STREAM, UnixAddress.Path(obj.Path!)),
            };
            var fd = Libc.Socket(domain, type, 0);
            var one = 1;
            if (domain == Libc.AF_INET) Libc.SetSockOpt(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, &one, sizeof(int));
            fixed (byte* a = address)
                if (fd < 0 || Libc.Bind(fd, a, address.Length) != 0 || (type == Libc.SOCK_STREAM && Libc.Listen(fd, 16) != 0))
                    throw new IOException($"binding '{id}': {Interop.Errno.Name(Interop.Errno.Last())}");
            _handles.Add(id, type == Libc.SOCK_STREAM ? "listener" : "bound", fd);
        }
    }

    /// <summary>Which end a stream op uses when the step names none.</summary>
    private string StreamEnd(PlanStep step, string direction) => Object(step).Type switch
    {
        "socketpair" => step.End ?? (_owned.Contains(step.Object!) ? "first" : "second"),
        "unix-stream" or "tcp" => "socket",
        _ => step.End ?? direction,
    };

    private int? NeedFd(PlanStep step, string path, string end)
    {
        var fd = _handles.Find(step.Object!, end);
        if (fd is null)
        {
            var hint = Object(step).Type switch
            {
                "fifo" => $"open '{step.Object}' first",
                "unix-stream" or "tcp" => $"open (connect) or accept on '{step.Object}' first",
                _ => $"the {end} end of '{step.Object}' is not open in this process",
            };
            Fail(path, step, hint);
        }
        return fd;
    }

    private void Write(PlanStep step, string path)
    {
        if (NeedFd(step, path, StreamEnd(step, "write")) is not { } fd) return;
        var data = step.Data ?? GeneratedBytes(step.Size ?? 0);
        Call(step, path, "write", () =>
        {
            fixed (byte* d = data) return Outcome.Of(Libc.Write(fd, d, data.Length));
        });
    }

    private void Read(PlanStep step, string path)
    {
        if (NeedFd(step, path, StreamEnd(step, "read")) is not { } fd) return;
        var buffer = new byte[step.Bytes ?? 1];
        Call(step, path, "read", () =>
        {
            nint n;
            fixed (byte* b = buffer) n = Libc.Read(fd, b, buffer.Length);
            var outcome = Outcome.Of(n);
            return n > 0 ? outcome with { Data = buffer.AsSpan(0, (int)n).ToArray() } : outcome;
        });
    }

    private void Accept(PlanStep step, string path)
    {
        if (NeedFd(step, path, "listener") is not { } listener) return;
        var outcome = Call(step, path, "accept", () => Outcome.Of(Libc.Accept4(listener, null, null, 0)));
        if (outcome.Result >= 0) _handles.Add(step.Object!, "socket", (int)outcome.Result);
    }

    private void Close(PlanStep step, string path)
    {
        var obj = Object(step);
        switch (obj.Type)
        {
            case "posix-mq" when _handles.Queues.Remove(step.Object!, out var mq):
                Call(step, path, "mq_close", () => Outcome.Of(Libc.MqClose(mq)), announce: false);
                return;
            case "sysv-shm" or "posix-shm" when _handles.Mappings.Remove(step.Object!, out var mapping):
                Call(step, path, obj.Type == "sysv-shm" ? "shmdt" : "munmap",
                    () => Outcome.Of(obj.Type == "sysv-shm" ? Libc.ShmDt(mapping.Address) : Libc.Munmap(mapping.Address, mapping.Size)), announce: false);
                return;
        }
        var ends = step.End is { } end ? [end] : _handles.EndsOf(step.Object!).ToArray();
        var held = ends.Where(e => _handles.Find(step.Object!, e) is not null).ToArray();
        if (held.Length == 0)
        {
            Fail(path, step, step.End is null
                ? $"'{step.Object}' has nothing open in this process"
                : $"'{step.Object}' has no open {step.End} end in this process");
            return;
        }
        foreach (var heldEnd in held)
        {
            var fd = _handles.Find(step.Object!, heldEnd)!.Value;
            if (_handles.Remove(step.Object!, heldEnd))
                Call(step with { End = heldEnd }, path, "close", () => Outcome.Of(Libc.Close(fd)), announce: false);
        }
    }
}

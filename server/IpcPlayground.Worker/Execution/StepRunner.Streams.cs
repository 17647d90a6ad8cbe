using IpcPlayground.Contracts.Experiments;
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
            if (obj.Kind == ObjectKind.SocketPair)
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
            var (domain, type, address) = obj.Kind switch
            {
                ObjectKind.Tcp => (Libc.AF_INET, Libc.SOCK_STREAM, UnixAddress.Loopback(obj.Port)),
                ObjectKind.UnixDgram => (Libc.AF_UNIX, Libc.SOCK_DGRAM, UnixAddress.Path(obj.Path!)),
                ObjectKind.UnixStream => (Libc.AF_UNIX, Libc.SOCK_STREAM, UnixAddress.Path(obj.Path!)),
                _ => throw new InvalidDataException($"a {obj.Type} is not bound"),
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
    private string StreamEnd(PlanStep step, string direction) => Object(step).Kind switch
    {
        ObjectKind.SocketPair => step.End ?? (_owned.Contains(step.Object!) ? "first" : "second"),
        ObjectKind.UnixStream or ObjectKind.Tcp => "socket",
        _ => step.End ?? direction,
    };

    /// <summary>
    /// The descriptor of the end, or -1 when this process does not hold it (never had it, or closed it): the call is
    /// made anyway, and the kernel answers EBADF, as it does a C program using a closed descriptor's variable.
    /// </summary>
    private int Descriptor(PlanStep step, string end) => _handles.Find(step.Object!, end) ?? -1;

    private void Write(PlanStep step, string path)
    {
        var fd = Descriptor(step, StreamEnd(step, "write"));
        var data = step.Data ?? GeneratedBytes(step.Size ?? 0);
        Call(step, path, "write", () =>
        {
            fixed (byte* d = data) return Outcome.Of(Libc.Write(fd, d, data.Length));
        });
    }

    private void Read(PlanStep step, string path)
    {
        var fd = Descriptor(step, StreamEnd(step, "read"));
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
        var listener = Descriptor(step, "listener");
        var outcome = Call(step, path, "accept", () => Outcome.Of(Libc.Accept4(listener, null, null, 0)));
        if (outcome.Result >= 0) _handles.Add(step.Object!, "socket", (int)outcome.Result);
    }

    /// <summary>
    /// One close step: mq_close or the detach of shared memory this process holds, else close(2) of every end it
    /// holds (or the end named); a descriptor held as two ends (a FIFO opened read-write) is closed with the second.
    /// Its result is the first failure, or 0; with no end held, close(-1), and the kernel answers EBADF.
    /// </summary>
    private void Close(PlanStep step, string path)
    {
        var obj = Object(step);
        switch (obj.Kind)
        {
            case ObjectKind.PosixMsgQueue when _handles.Queues.Remove(step.Object!, out var mq):
                Call(step, path, "mq_close", () => Outcome.Of(Libc.MqClose(mq)), announce: false);
                return;
            case ObjectKind.SysvShm or ObjectKind.PosixShm when _handles.Mappings.Remove(step.Object!, out var mapping):
                Call(step, path, obj.Kind == ObjectKind.SysvShm ? "shmdt" : "munmap",
                    () => Outcome.Of(obj.Kind == ObjectKind.SysvShm ? Libc.ShmDt(mapping.Address) : Libc.Munmap(mapping.Address, mapping.Size)), announce: false);
                return;
        }
        var ends = (step.End is { } end ? [end] : _handles.EndsOf(step.Object!)).Where(e => _handles.Find(step.Object!, e) is not null).ToList();
        Call(step, path, "close", () =>
        {
            if (ends.Count == 0) return Outcome.Of(Libc.Close(-1));
            var first = new Outcome(0);
            foreach (var held in ends)
            {
                var fd = _handles.Find(step.Object!, held)!.Value;
                if (!_handles.Remove(step.Object!, held)) continue;
                var closed = Outcome.Of(Libc.Close(fd));
                if (closed.Result < 0 && first.Result == 0) first = closed;
            }
            return first;
        }, announce: false);
    }
}

using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>
/// Byte streams: write(2) and read(2) on one end; a stat is FIONREAD on the first data end this process holds.
/// Pipes, FIFOs, socketpairs, Unix stream and TCP sockets.
/// </summary>
internal abstract unsafe class Streams : WorkerMechanism
{
    public static readonly WorkerMechanism[] All = [new PipeStream(), new FifoStream(), new SocketPairStream(), new UnixStreamSocket(), new TcpSocket()];

    /// <summary>The end a stream op uses when the step names none (<paramref name="direction"/>: read or write).</summary>
    protected abstract string End(ObjectStep s, string direction);

    /// <summary>Its state, with what FIONREAD said is buffered (and a pipe's capacity).</summary>
    protected abstract StreamState State(long buffered, int fd);

    public override bool ReportsStateAfterSteps => true;
    public override string StatCall => "ioctl";

    public override void Write(ObjectStep s)
    {
        var fd = s.Descriptor(End(s, "write"));
        var data = s.Step.Data ?? GeneratedBytes.Of(s.Step.Size ?? 0);
        s.Call("write", () =>
        {
            fixed (byte* d = data) return Outcome.Of(Libc.Write(fd, d, data.Length));
        });
    }

    public override void Read(ObjectStep s)
    {
        var fd = s.Descriptor(End(s, "read"));
        var buffer = new byte[s.Step.Bytes ?? 1];
        s.Call("read", () =>
        {
            nint n;
            fixed (byte* b = buffer) n = Libc.Read(fd, b, buffer.Length);
            var outcome = Outcome.Of(n);
            return n > 0 ? outcome with { Data = buffer.AsSpan(0, (int)n).ToArray() } : outcome;
        });
    }

    public override ObjectKernelState? ReadState(PlanObject obj, ObjectHandles handles, out int errno)
    {
        if (!Buffered(obj, handles, out var fd, out var buffered)) return Failed(out errno);
        errno = 0;
        return State(buffered, fd);
    }

    /// <summary>
    /// FIONREAD on the end a stat asks, as the C program does: the first of its data ends this process holds (a
    /// listening socket only when it holds nothing else, and FIONREAD on that is EINVAL; none held: -1, EBADF).
    /// </summary>
    internal static bool Buffered(PlanObject obj, ObjectHandles handles, out int fd, out int buffered)
    {
        fd = handles.FirstHeld(obj.Id) ?? -1;
        int n;
        var read = Libc.Ioctl(fd, Libc.FIONREAD, &n) >= 0;
        buffered = n;
        return read;
    }

    /// <summary>pipe(2) or socketpair(2): two descriptors, named by the ends of the type.</summary>
    protected static void MakePair(PlanObject obj, ObjectHandles handles, string call, Func<nint, int> make, string firstEnd, string secondEnd)
    {
        var fds = stackalloc int[2];
        if (make((nint)fds) != 0) throw new IOException($"{call} for '{obj.Id}': {Errno.Name(Errno.Last())}");
        handles.Add(obj.Id, firstEnd, fds[0]);
        handles.Add(obj.Id, secondEnd, fds[1]);
    }

    private sealed class PipeStream : Streams
    {
        public override ObjectKind Kind => ObjectKind.Pipe;
        protected override string End(ObjectStep s, string direction) => s.Step.End ?? direction;
        protected override StreamState State(long buffered, int fd) => new PipeState { Buffered = buffered, Capacity = Libc.Fcntl(fd, Libc.F_GETPIPE_SZ, 0) };

        public override void MakeOwned(PlanObject obj, ObjectHandles handles)
        {
            MakePair(obj, handles, "pipe2", fds => Libc.Pipe2((int*)fds, 0), "read", "write");
            if (obj.Capacity is { } capacity && Libc.Fcntl(handles.Find(obj.Id, "write")!.Value, Libc.F_SETPIPE_SZ, capacity) < 0)
                throw new IOException($"F_SETPIPE_SZ {capacity} for '{obj.Id}': {Errno.Name(Errno.Last())}");
        }
    }

    private sealed class FifoStream : Streams
    {
        public override ObjectKind Kind => ObjectKind.Fifo;
        protected override string End(ObjectStep s, string direction) => s.Step.End ?? direction;
        protected override StreamState State(long buffered, int fd) => new FifoState { Buffered = buffered, Capacity = Libc.Fcntl(fd, Libc.F_GETPIPE_SZ, 0) };

        public override int Create(PlanObject obj) => Libc.MkFifo(obj.Path!, Mode);

        /// <summary>Blocks until the other end is opened too.</summary>
        public override void Open(ObjectStep s)
        {
            var mode = s.Step.Mode;
            var flags = mode switch { "write" => Libc.O_WRONLY, "read-write" => Libc.O_RDWR, _ => Libc.O_RDONLY };
            var outcome = s.Call("open", () => Outcome.Of(Libc.Open(s.Object.Path!, flags, 0)));
            if (outcome.Result < 0) return;
            var fd = (int)outcome.Result;
            if (mode is "read" or "read-write") s.Handles.Add(s.Object.Id, "read", fd);
            if (mode is "write" or "read-write") s.Handles.Add(s.Object.Id, "write", fd);
        }

        public override void Remove(ObjectStep s) => s.Call("unlink", () => Outcome.Of(Libc.Unlink(s.Object.Path!)), announce: false);
    }

    private sealed class SocketPairStream : Streams
    {
        public override ObjectKind Kind => ObjectKind.SocketPair;
        public override void SendFd(ObjectStep s) => PassedDescriptors.Send(s, s.Descriptor(End(s, "write")));
        public override void ReceiveFd(ObjectStep s) => PassedDescriptors.Receive(s, s.Descriptor(End(s, "read")));
        protected override string End(ObjectStep s, string direction) => s.Step.End ?? (s.MadeHere ? "first" : "second");
        protected override StreamState State(long buffered, int fd) => new SocketPairState { Buffered = buffered };

        public override void MakeOwned(PlanObject obj, ObjectHandles handles) =>
            MakePair(obj, handles, "socketpair", fds => Libc.SocketPair(Libc.AF_UNIX, Libc.SOCK_STREAM, 0, (int*)fds), "first", "second");
    }

    /// <summary>A listening socket: bound by one process, accepted on there, connected to by the others.</summary>
    private abstract class ListeningSocket : Streams
    {
        protected abstract Sockets.Address AddressOf(PlanObject obj);
        protected override string End(ObjectStep s, string direction) => "socket";

        public override void Bind(PlanObject obj, ObjectHandles handles) => Sockets.Bind(obj, handles, AddressOf(obj), Libc.SOCK_STREAM);
        public override void Open(ObjectStep s) => Sockets.Connect(s, AddressOf(s.Object), Libc.SOCK_STREAM, "socket");

        public override void Accept(ObjectStep s) => Sockets.Accept(s);
    }

    private sealed class UnixStreamSocket : ListeningSocket
    {
        public override ObjectKind Kind => ObjectKind.UnixStream;
        public override void SendFd(ObjectStep s) => PassedDescriptors.Send(s, s.Descriptor("socket"));
        public override void ReceiveFd(ObjectStep s) => PassedDescriptors.Receive(s, s.Descriptor("socket"));
        protected override Sockets.Address AddressOf(PlanObject obj) => Sockets.Address.Unix(obj.Path!);
        protected override StreamState State(long buffered, int fd) => new UnixStreamState { Buffered = buffered };
        public override void Remove(ObjectStep s) => s.Call("unlink", () => Outcome.Of(Libc.Unlink(s.Object.Path!)), announce: false);
    }

    private sealed class TcpSocket : ListeningSocket
    {
        public override ObjectKind Kind => ObjectKind.Tcp;
        protected override Sockets.Address AddressOf(PlanObject obj) => Sockets.Address.Loopback(obj.Port);
        protected override StreamState State(long buffered, int fd) => new TcpState { Buffered = buffered };
    }
}

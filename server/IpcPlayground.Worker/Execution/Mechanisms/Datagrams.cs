using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>
/// Message sockets: a Unix datagram socket one process binds and receives on, the others sending to its path; and a
/// Unix seqpacket socket, connected like a stream but keeping each send one message.
/// </summary>
internal abstract unsafe class Datagrams : WorkerMechanism
{
    public static readonly WorkerMechanism[] All = [new UnixDatagramSocket(), new UnixSeqpacketSocket()];

    private const int MSG_DONTWAIT = 0x40;

    /// <summary>recv of one message on the end, at most <c>maxBytes</c> of it.</summary>
    private static void ReceiveOn(ObjectStep s, string end)
    {
        var fd = s.Descriptor(end);
        var buffer = new byte[s.Step.MaxBytes ?? 65536];
        var flags = s.Step.Nowait == true ? MSG_DONTWAIT : 0;
        s.Call("recv", () =>
        {
            nint n;
            fixed (byte* b = buffer) n = Libc.Recv(fd, b, buffer.Length, flags);
            var outcome = Outcome.Of(n);
            return n >= 0 ? outcome with { Data = buffer.AsSpan(0, (int)n).ToArray() } : outcome;
        });
    }

    private sealed class UnixDatagramSocket : Datagrams
    {
        public override ObjectKind Kind => ObjectKind.UnixDgram;
        public override string StatCall => "ioctl";

        public override void Bind(PlanObject obj, ObjectHandles handles) => Sockets.Bind(obj, handles, Sockets.Address.Unix(obj.Path!), Libc.SOCK_DGRAM);
        public override void Open(ObjectStep s) => Sockets.Connect(s, Sockets.Address.Unix(s.Object.Path!), Libc.SOCK_DGRAM, "connected");

        /// <summary>send on a connected socket, else sendto the path from a socket of its own, made on first use.</summary>
        public override void Send(ObjectStep s)
        {
            var obj = s.Object;
            var data = s.Step.Data ?? [];
            var connected = s.Handles.Find(obj.Id, "connected") is not null;
            var fd = s.Handles.Find(obj.Id, "connected") ?? s.Handles.Find(obj.Id, "sender") ?? NewSender(obj, s.Handles);
            var address = UnixAddress.Path(obj.Path!);
            var flags = s.Step.Nowait == true ? MSG_DONTWAIT : 0;
            s.Call("sendto", () =>
            {
                fixed (byte* d = data)
                fixed (byte* a = address)
                    return Outcome.Of(connected ? Libc.SendTo(fd, d, data.Length, flags, null, 0) : Libc.SendTo(fd, d, data.Length, flags, a, address.Length));
            });
        }

        public override void Receive(ObjectStep s) => ReceiveOn(s, "bound");

        /// <summary>On a connected socket to its peer, else to the path from a socket of its own, as a send is.</summary>
        public override void SendFd(ObjectStep s)
        {
            var obj = s.Object;
            if (s.Handles.Find(obj.Id, "connected") is { } connected) PassedDescriptors.Send(s, connected);
            else PassedDescriptors.Send(s, s.Handles.Find(obj.Id, "sender") ?? NewSender(obj, s.Handles), UnixAddress.Path(obj.Path!));
        }

        public override void ReceiveFd(ObjectStep s) => PassedDescriptors.Receive(s, s.Descriptor("bound"));

        /// <summary>A datagram socket that arrived is held as a bound one: receive and receiveFd use it.</summary>
        public override void HoldReceived(PlanObject obj, ObjectHandles handles, string? end, int fd) => handles.Add(obj.Id, "bound", fd);

        public override void Remove(ObjectStep s) => s.Call("unlink", () => Outcome.Of(Libc.Unlink(s.Object.Path!)), announce: false);

        public override ObjectKernelState? ReadState(PlanObject obj, ObjectHandles handles, out int errno)
        {
            if (!Streams.Buffered(obj, handles, out _, out var buffered)) return Failed(out errno);
            errno = 0;
            return new UnixDgramState { Buffered = buffered };
        }

        private static int NewSender(PlanObject obj, ObjectHandles handles)
        {
            var fd = Libc.Socket(Libc.AF_UNIX, Libc.SOCK_DGRAM, 0);
            handles.Add(obj.Id, "sender", fd);
            return fd;
        }
    }

    /// <summary>
    /// SOCK_SEQPACKET: bound and listened on by one process, connected to by <c>open</c> and taken by <c>accept</c>;
    /// a send is one message and a receive takes one (cut to the buffer, the rest of it lost), 0 once the peer closed.
    /// </summary>
    private sealed class UnixSeqpacketSocket : Datagrams
    {
        private const int SOCK_SEQPACKET = 5;

        public override ObjectKind Kind => ObjectKind.UnixSeqpacket;
        public override string StatCall => "ioctl";

        public override void Bind(PlanObject obj, ObjectHandles handles) => Sockets.Bind(obj, handles, Sockets.Address.Unix(obj.Path!), SOCK_SEQPACKET);
        public override void Open(ObjectStep s) => Sockets.Connect(s, Sockets.Address.Unix(s.Object.Path!), SOCK_SEQPACKET, "socket");
        public override void Accept(ObjectStep s) => Sockets.Accept(s);
        public override void Remove(ObjectStep s) => s.Call("unlink", () => Outcome.Of(Libc.Unlink(s.Object.Path!)), announce: false);

        public override void Send(ObjectStep s)
        {
            var fd = s.Descriptor("socket");
            var data = s.Step.Data ?? [];
            var flags = s.Step.Nowait == true ? MSG_DONTWAIT : 0;
            s.Call("send", () =>
            {
                fixed (byte* d = data) return Outcome.Of(Libc.SendTo(fd, d, data.Length, flags, null, 0));
            });
        }

        public override void Receive(ObjectStep s) => ReceiveOn(s, "socket");
        public override void SendFd(ObjectStep s) => PassedDescriptors.Send(s, s.Descriptor("socket"));
        public override void ReceiveFd(ObjectStep s) => PassedDescriptors.Receive(s, s.Descriptor("socket"));

        public override ObjectKernelState? ReadState(PlanObject obj, ObjectHandles handles, out int errno)
        {
            if (!Streams.Buffered(obj, handles, out _, out var buffered)) return Failed(out errno);
            errno = 0;
            return new UnixSeqpacketState { Buffered = buffered };
        }
    }
}

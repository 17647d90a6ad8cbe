using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>Message sockets: each send is one message, each receive takes one; open connects a socket of its own.</summary>
internal abstract class Datagrams : CMechanism
{
    public static readonly CMechanism[] All = [new UnixDatagram(), new UnixSeqpacket()];

    public override string StatHelper => "stat_stream";

    /// <summary>The C helper a send calls.</summary>
    protected abstract string SendHelper { get; }

    /// <summary>The end a receive takes a message from.</summary>
    protected abstract string ReceiveEnd { get; }

    public override string Open(CStatements c, PlanStep step, CTarget target) => c.Call("connect_socket", target.Ref);

    public override string Send(CStatements c, PlanStep step, CTarget target)
    {
        var data = step.Data ?? [];
        return c.Call(SendHelper, target.Ref, CLiteral.Bytes(data), CStatements.Number(data.Length), CStatements.Flag(step.Nowait));
    }

    public override string Receive(CStatements c, PlanStep step, CTarget target) =>
        c.Call("receive_message", target.Ref, ReceiveEnd, CStatements.Number(step.MaxBytes ?? 65536), CStatements.Flag(step.Nowait));

    public override string ReceiveFd(CStatements c, PlanStep step, CTarget target, string asRef, string asEnd) =>
        c.Call("receive_fd", target.Ref, c.Expression("need_fd", target.Ref, ReceiveEnd), CStatements.Flag(step.Nowait), asRef, asEnd);

    /// <summary>A Unix datagram socket one process binds and receives on; the others send to its path, or connect first.</summary>
    private sealed class UnixDatagram : Datagrams
    {
        public override ObjectKind Kind => ObjectKind.UnixDgram;
        public override string SocketType => "SOCK_DGRAM";
        protected override string SendHelper => "send_datagram";
        protected override string ReceiveEnd => "BOUND";

        public override string SendFd(CStatements c, PlanStep step, CTarget target, string passed) => c.Call("send_fd_datagram", target.Ref, passed);

        /// <summary>A datagram socket that arrived is held as a bound one: receive and receiveFd use it.</summary>
        public override string ReceivedEnd(string? end) => "BOUND";
    }

    /// <summary>A Unix seqpacket socket: bound, listened on and accepted like a stream; each send one message.</summary>
    private sealed class UnixSeqpacket : Datagrams
    {
        public override ObjectKind Kind => ObjectKind.UnixSeqpacket;
        public override string SocketType => "SOCK_SEQPACKET";
        protected override string SendHelper => "send_packet";
        protected override string ReceiveEnd => "SOCKET";

        public override string SendFd(CStatements c, PlanStep step, CTarget target, string passed) =>
            c.Call("send_fd", target.Ref, c.Expression("need_fd", target.Ref, "SOCKET"), "0", passed);

        public override string Runtime => """
            //@ send_packet needs need_fd output quoted trace_step
            /* One message on the connection (accepted or opened); after the peer closed, EPIPE (and no SIGPIPE). */
            static void send_packet(struct ipc_object *o, const char *data, size_t length, int nowait)
            {
                ssize_t n = send(need_fd(o, SOCKET), data, length, nowait ? MSG_DONTWAIT : 0);
                int error = errno;
                say("send(%s, %s) = %ld%s", o->id, quoted((const unsigned char *)data, length), (long)n, error_text(n, error));
                trace_step("send", o->id, n, error, "");
            }
            """;
    }
}

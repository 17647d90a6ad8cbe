using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>Message sockets: each send is one message, each receive takes one.</summary>
internal abstract class Datagrams : CMechanism
{
    public static readonly CMechanism[] All = [new UnixDatagram(), new UnixSeqpacket()];

    public override string StatHelper => "stat_stream";

    /// <summary>A Unix datagram socket one process binds and receives on; open connects another's socket to it.</summary>
    private sealed class UnixDatagram : Datagrams
    {
        public override ObjectKind Kind => ObjectKind.UnixDgram;
        public override string SocketType => "SOCK_DGRAM";

        public override string Open(CStatements c, PlanStep step, CTarget target) => c.Call("connect_socket", target.Ref);

        public override string Send(CStatements c, PlanStep step, CTarget target)
        {
            var data = step.Data ?? [];
            return c.Call("send_datagram", target.Ref, CLiteral.Bytes(data), CStatements.Number(data.Length), CStatements.Flag(step.Nowait));
        }

        public override string Receive(CStatements c, PlanStep step, CTarget target) =>
            c.Call("receive_message", target.Ref, "BOUND", CStatements.Number(step.MaxBytes ?? 65536), CStatements.Flag(step.Nowait));
    }

    /// <summary>A Unix seqpacket socket: bound, listened on and accepted like a stream; each send one message.</summary>
    private sealed class UnixSeqpacket : Datagrams
    {
        public override ObjectKind Kind => ObjectKind.UnixSeqpacket;
        public override string SocketType => "SOCK_SEQPACKET";

        public override string Open(CStatements c, PlanStep step, CTarget target) => c.Call("connect_socket", target.Ref);

        public override string Send(CStatements c, PlanStep step, CTarget target)
        {
            var data = step.Data ?? [];
            return c.Call("send_packet", target.Ref, CLiteral.Bytes(data), CStatements.Number(data.Length), CStatements.Flag(step.Nowait));
        }

        public override string Receive(CStatements c, PlanStep step, CTarget target) =>
            c.Call("receive_message", target.Ref, "SOCKET", CStatements.Number(step.MaxBytes ?? 65536), CStatements.Flag(step.Nowait));

        public override string Runtime => """
            //@ send_packet needs need_fd output quoted trace_step
            /* One message on the connection (accepted or opened); after the peer closed, EPIPE and SIGPIPE. */
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

using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>Message sockets: each send is one message, each receive takes one.</summary>
internal abstract class Datagrams : CMechanism
{
    public static readonly CMechanism[] All = [new UnixDatagram()];

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
}

using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>
/// Byte streams: write(2) and read(2) on one end. Which end a step uses when it names none is decided as the worker's
/// StreamEnd decides it.
/// </summary>
internal abstract class Streams : CMechanism
{
    public static readonly CMechanism[] All = [new PipeStream(), new FifoStream(), new SocketPairStream(), new UnixStreamSocket(), new TcpStream()];

    public override string StatHelper => "stat_stream";

    /// <summary>The end a step uses when it names none (<paramref name="direction"/>: read or write).</summary>
    protected abstract string End(PlanStep step, CTarget target, string direction);

    public override string Write(CStatements c, PlanStep step, CTarget target)
    {
        var end = CNames.End(End(step, target, "write"));
        return step.Data is { } data
            ? c.Call("write_bytes", target.Ref, end, CLiteral.Bytes(data), CStatements.Number(data.Length))
            : c.Call("write_generated", target.Ref, end, CStatements.Number(step.Size ?? 0));
    }

    public override string Read(CStatements c, PlanStep step, CTarget target) =>
        c.Call("read_bytes", target.Ref, CNames.End(End(step, target, "read")), CStatements.Number(step.Bytes ?? 1));

    private sealed class PipeStream : Streams
    {
        public override ObjectKind Kind => ObjectKind.Pipe;
        public override IEnumerable<string> Fields(PlanObject obj, string name)
        {
            if (obj.Capacity is { } capacity) yield return $"{name}.capacity = {capacity};";
        }

        public override string MadeByOwner => "create_pipe";
        protected override string End(PlanStep step, CTarget target, string direction) => step.End ?? direction;
    }

    private sealed class FifoStream : Streams
    {
        public override ObjectKind Kind => ObjectKind.Fifo;
        public override string Creation => "create_fifo";
        protected override string End(PlanStep step, CTarget target, string direction) => step.End ?? direction;

        public override string Open(CStatements c, PlanStep step, CTarget target) =>
            c.Call("open_fifo", target.Ref, step.Mode switch { "write" => "O_WRONLY", "read-write" => "O_RDWR", _ => "O_RDONLY" });
    }

    private sealed class SocketPairStream : Streams
    {
        public override ObjectKind Kind => ObjectKind.SocketPair;
        public override string MadeByOwner => "create_socketpair";
        protected override string End(PlanStep step, CTarget target, string direction) => step.End ?? (target.MadeHere ? "first" : "second");

        public override string SendFd(CStatements c, PlanStep step, CTarget target, string passed) =>
            c.Call("send_fd", target.Ref, c.Expression("need_fd", target.Ref, CNames.End(End(step, target, "write"))), "0", passed);

        public override string ReceiveFd(CStatements c, PlanStep step, CTarget target, string asRef, string asEnd) =>
            c.Call("receive_fd", target.Ref, c.Expression("need_fd", target.Ref, CNames.End(End(step, target, "read"))), CStatements.Flag(step.Nowait), asRef, asEnd);
    }

    private abstract class ConnectedStream : Streams
    {
        public override string SocketType => "SOCK_STREAM";
        protected override string End(PlanStep step, CTarget target, string direction) => "socket";
        public override string Open(CStatements c, PlanStep step, CTarget target) => c.Call("connect_socket", target.Ref);
    }

    private sealed class UnixStreamSocket : ConnectedStream
    {
        public override ObjectKind Kind => ObjectKind.UnixStream;

        public override string SendFd(CStatements c, PlanStep step, CTarget target, string passed) =>
            c.Call("send_fd", target.Ref, c.Expression("need_fd", target.Ref, "SOCKET"), "0", passed);

        public override string ReceiveFd(CStatements c, PlanStep step, CTarget target, string asRef, string asEnd) =>
            c.Call("receive_fd", target.Ref, c.Expression("need_fd", target.Ref, "SOCKET"), CStatements.Flag(step.Nowait), asRef, asEnd);
    }

    private sealed class TcpStream : ConnectedStream
    {
        public override ObjectKind Kind => ObjectKind.Tcp;
        public override IEnumerable<string> Fields(PlanObject obj, string name)
        {
            yield return $"{name}.port = {obj.Port};";
        }
    }
}

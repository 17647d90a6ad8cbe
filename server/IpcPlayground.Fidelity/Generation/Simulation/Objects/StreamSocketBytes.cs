using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>
/// Writes and reads on an end of a connected byte-stream socket: a socketpair's, or a unix-stream or tcp connection's.
/// <c>overTcp</c> is loopback TCP, whose segments and resets travel: a write after the peer closed, or a read past the
/// first segment, depends on timing.
/// </summary>
internal static class StreamSocketBytes
{
    public static void Write(SimWorld world, SimProcess process, Step step, string endName, bool overTcp, SimOutcome outcome)
    {
        var data = SimWorld.Bytes(step);
        if (process.Find(step.Object!, endName) is not SocketEnd end) return; // EBADF
        if (!world.PeerHeld(end))
        {
            if (overTcp) outcome.Refuse("a TCP write after the peer closed fails only once its reset is back");
            else world.RaiseInActor(process, SimWorld.Sigpipe, outcome); // EPIPE
            return;
        }
        if (end.Peers.Buffered + data.Length > 32 * 1024)
        {
            outcome.Refuse("a socket write near its buffer's limit");
            return;
        }
        if (data.Length > 0) end.Peers.Add(data);
    }

    public static void Read(SimWorld world, SimProcess process, Step step, string endName, bool overTcp, SimOutcome outcome)
    {
        var bytes = step.Bytes ?? 1;
        if (process.Find(step.Object!, endName) is not SocketEnd end) return; // EBADF
        if (overTcp && end.Mine.Count > 1 && bytes > end.Mine.First)
        {
            outcome.Refuse("a TCP read past its first segment races the ones still on the way");
            return;
        }
        if (end.Mine.Buffered > 0 || !world.PeerHeld(end))
        {
            end.Mine.Read(bytes);
            return;
        }
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(step.Object!, step, _ =>
        {
            if (end.Mine.Buffered == 0 && world.PeerHeld(end)) return false;
            end.Mine.Read(bytes);
            return true;
        });
    }
}

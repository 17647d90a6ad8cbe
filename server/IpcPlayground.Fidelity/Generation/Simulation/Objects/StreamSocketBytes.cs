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
        if (end.Mine.BytesBeforePassed is { } before && bytes > before)
        {
            outcome.Refuse("a read(2) up to a passed descriptor (it stops there, and closes the descriptor)");
            return;
        }
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

    /// <summary>The descriptor a sendFd passes, if the process holds it: its end, or (naming none) the one it holds.</summary>
    public static PassedDescriptor? HeldPassed(SimProcess process, Step step)
    {
        var passed = step.Fd!;
        var end = passed.End ?? process.EndsOf(passed.Object!).FirstOrDefault();
        return end is not null && process.Find(passed.Object!, end) is { } description ? new PassedDescriptor(passed.Object!, end, description) : null;
    }

    /// <summary>sendFd: one byte carrying the descriptor the step names, which stays open while it travels.</summary>
    public static void SendFd(SimWorld world, SimProcess process, Step step, string endName, SimOutcome outcome)
    {
        if (process.Find(step.Object!, endName) is not SocketEnd end) return; // EBADF
        if (HeldPassed(process, step) is not { } passed) return; // EBADF: not held
        if (!world.PeerHeld(end))
        {
            world.RaiseInActor(process, SimWorld.Sigpipe, outcome); // EPIPE
            return;
        }
        if (world.Processes.Any(p => p.Alive && p.Blocked is { Step.Op: Ops.Read } blocked && blocked.On == step.Object))
        {
            outcome.Refuse("a descriptor passed to a socket someone waits to read(2)");
            return;
        }
        end.Peers.Add((byte)'F', passed);
    }

    /// <summary>receiveFd: one byte, and the descriptor it carried, held from then on as the step's <c>as</c> says.</summary>
    public static void ReceiveFd(SimWorld world, SimProcess process, Step step, string endName, SimOutcome outcome)
    {
        if (process.Find(step.Object!, endName) is not SocketEnd end) return; // EBADF
        ReceiveDescriptor(process, step, outcome, () => end.Mine.Buffered > 0 || !world.PeerHeld(end), end.Mine.TakeOne);
    }

    /// <summary>
    /// A receiveFd on any Unix socket: takes what is there now (<paramref name="ready"/>: a message, a byte, or the peer
    /// gone) — holding the descriptor it carried as the step's <c>as</c> — else EAGAIN with nowait, else waits for it.
    /// </summary>
    public static void ReceiveDescriptor(SimProcess process, Step step, SimOutcome outcome, Func<bool> ready, Func<PassedDescriptor?> take)
    {
        void Take()
        {
            if (take() is { } passed) process.Hold(step.As!.Object!, step.As.End ?? passed.End, passed.Description);
        }
        if (ready())
        {
            Take();
            return;
        }
        if (step.Nowait == true) return; // EAGAIN
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(step.Object!, step, _ =>
        {
            if (!ready()) return false;
            Take();
            return true;
        });
    }
}

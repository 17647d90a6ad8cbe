using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>Pipes, FIFOs, socketpairs and stream sockets: writes, reads, opens, accepts, closes.</summary>
internal sealed partial class SimWorld
{
    private const int Sigpipe = 13;

    /// <summary>The end a stream op uses when the step names none, as the worker and the C export decide it.</summary>
    private string StreamEnd(SimProcess process, Step step, string direction) => _objects[step.Object!] switch
    {
        SocketPairObject pair => step.End ?? (pair.Owner == process.Id ? "first" : "second"),
        StreamObject => "socket",
        _ => step.End ?? direction,
    };

    private int Readers(PipeBuffer buffer) => Held.OfType<PipeEnd>().Count(e => e.Buffer == buffer && e.CanRead) + Opening(buffer, "read");
    private int Writers(PipeBuffer buffer) => Held.OfType<PipeEnd>().Count(e => e.Buffer == buffer && e.CanWrite) + Opening(buffer, "write");

    /// <summary>Processes waiting in open of this FIFO for that mode (the kernel counts them as its readers or writers).</summary>
    private int Opening(PipeBuffer buffer, string mode) =>
        _processes.Values.Count(p => p.Alive && p.Blocked is { Step: { Op: Ops.Open } step } && step.Mode == mode &&
            _objects[step.Object!] is FifoObject fifo && fifo.Buffer == buffer);

    /// <summary>
    /// Whether the other side of a connection is open: held by a process, or — for a connecting socket not yet
    /// accepted — waiting in its listener's backlog (so a read waits, instead of seeing the end of the stream).
    /// </summary>
    private bool PeerHeld(SocketEnd end) =>
        Held.OfType<SocketEnd>().Any(e => e.Connection == end.Connection && e.Side != end.Side) ||
        (end.Side == 0 && _objects.Values.OfType<StreamObject>().Any(s => s.Backlog.Contains(end.Connection) && Held.OfType<Listener>().Any(l => l.Object == s)));

    private void Write(SimProcess process, Step step, SimOutcome outcome)
    {
        var obj = _objects[step.Object!];
        var data = Bytes(step);
        switch (process.Find(obj.Id, StreamEnd(process, step, "write")))
        {
            case PipeEnd { CanWrite: true } end:
                if (Readers(end.Buffer) == 0)
                {
                    RaiseInActor(process, Sigpipe, outcome); // EPIPE
                    return;
                }
                if (end.Buffer.Fits(data.Length))
                {
                    end.Buffer.Write(data);
                    return;
                }
                if (data.Length > PipeBuffer.Page || end.Buffer.FreeSlots > 0)
                {
                    outcome.Refuse("a write that does not fit at once is split, and its parts race the reader");
                    return;
                }
                outcome.Blocked = true;
                process.Blocked = new BlockedCall(obj.Id, step, settling =>
                {
                    if (Readers(end.Buffer) == 0) settling.Refuse("a waiting writer's last reader went away");
                    if (end.Buffer.FreeSlots == 0) return false;
                    end.Buffer.WriteIntoNewPage(data);
                    return true;
                });
                return;
            case SocketEnd end:
                if (!PeerHeld(end))
                {
                    if (obj is StreamObject { IsTcp: true }) outcome.Refuse("a TCP write after the peer closed fails only once its reset is back");
                    else RaiseInActor(process, Sigpipe, outcome); // EPIPE
                    return;
                }
                if (end.Peers.Buffered + data.Length > 32 * 1024)
                {
                    outcome.Refuse("a socket write near its buffer's limit");
                    return;
                }
                if (data.Length > 0) end.Peers.Add(data);
                return;
            default:
                return; // EBADF: the process holds no such end, or it is not open for writing
        }
    }

    private void Read(SimProcess process, Step step, SimOutcome outcome)
    {
        var obj = _objects[step.Object!];
        var bytes = step.Bytes ?? 1;
        switch (process.Find(obj.Id, StreamEnd(process, step, "read")))
        {
            case PipeEnd { CanRead: true } end:
                if (end.Buffer.Buffered > 0 || Writers(end.Buffer) == 0)
                {
                    end.Buffer.Read(bytes);
                    return;
                }
                outcome.Blocked = true;
                process.Blocked = new BlockedCall(obj.Id, step, _ =>
                {
                    if (end.Buffer.Buffered == 0 && Writers(end.Buffer) > 0) return false;
                    end.Buffer.Read(bytes);
                    return true;
                });
                return;
            case SocketEnd end:
                if (obj is StreamObject { IsTcp: true } && end.Mine.Count > 1 && bytes > end.Mine.First)
                {
                    outcome.Refuse("a TCP read past its first segment races the ones still on the way");
                    return;
                }
                if (end.Mine.Buffered > 0 || !PeerHeld(end))
                {
                    end.Mine.Read(bytes);
                    return;
                }
                outcome.Blocked = true;
                process.Blocked = new BlockedCall(obj.Id, step, _ =>
                {
                    if (end.Mine.Buffered == 0 && PeerHeld(end)) return false;
                    end.Mine.Read(bytes);
                    return true;
                });
                return;
            default:
                return; // EBADF
        }
    }

    private void Open(SimProcess process, Step step, SimOutcome outcome)
    {
        switch (_objects[step.Object!])
        {
            case FifoObject fifo: OpenFifo(process, step, fifo, outcome); break;
            case StreamObject stream: Connect(process, stream, outcome); break;
            case DatagramObject datagram:
                if (datagram.Linked && BoundHeld(datagram)) process.Hold(datagram.Id, "connected", new DatagramSocket("connected", datagram));
                break; // else ENOENT or ECONNREFUSED
            case SysvObject sysv: OpenSysv(process, sysv, outcome); break;
            case PosixQueueObject queue:
                if (queue.Linked) process.QueueModes[queue.Id] = step.Mode ?? "read-write";
                break; // else ENOENT
            case PosixMemoryObject memory:
                if (memory.Linked) process.Mappings[memory.Id] = memory;
                break;
            case PosixSemaphoreObject semaphore:
                if (semaphore.Linked) process.Semaphores.Add(semaphore.Id);
                break;
            default:
                outcome.Refuse($"open of a {step.Object}");
                break;
        }
    }

    private void OpenFifo(SimProcess process, Step step, FifoObject fifo, SimOutcome outcome)
    {
        if (!fifo.Linked) return; // ENOENT
        var mode = step.Mode ?? "read";
        void Take()
        {
            var end = new PipeEnd(fifo.Buffer, canRead: mode != "write", canWrite: mode != "read");
            if (mode != "write") process.Hold(fifo.Id, "read", end);
            if (mode != "read") process.Hold(fifo.Id, "write", end);
        }
        bool PartnerThere() => mode switch
        {
            "read" => Writers(fifo.Buffer) > 0,
            "write" => Readers(fifo.Buffer) > 0,
            _ => true,
        };
        if (PartnerThere())
        {
            Take();
            return;
        }
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(fifo.Id, step, _ =>
        {
            if (!PartnerThere()) return false;
            Take();
            return true;
        });
    }

    private void Connect(SimProcess process, StreamObject stream, SimOutcome outcome)
    {
        if (process.Id == stream.Binder)
        {
            outcome.Refuse("the binder connecting to its own listener");
            return;
        }
        if (!stream.Linked || !Held.OfType<Listener>().Any(l => l.Object == stream)) return; // ENOENT, ECONNREFUSED
        if (stream.Backlog.Count >= 8)
        {
            outcome.Refuse("a connect near the listen backlog's limit");
            return;
        }
        var connection = new Connection();
        process.Hold(stream.Id, "socket", new SocketEnd(connection, 0));
        stream.Backlog.Enqueue(connection);
    }

    private bool BoundHeld(DatagramObject datagram) => Held.OfType<DatagramSocket>().Any(s => s.Object == datagram && s.Kind == "bound");

    private void Accept(SimProcess process, Step step, SimOutcome outcome)
    {
        var stream = (StreamObject)_objects[step.Object!];
        if (process.Find(stream.Id, "listener") is null) return; // EBADF
        bool TakeOne()
        {
            if (stream.Backlog.Count == 0) return false;
            process.Hold(stream.Id, "socket", new SocketEnd(stream.Backlog.Dequeue(), 1));
            return true;
        }
        if (TakeOne()) return;
        outcome.Blocked = true;
        process.Blocked = new BlockedCall(stream.Id, step, _ => TakeOne());
    }

    private void Close(SimProcess process, Step step, SimOutcome outcome)
    {
        var id = step.Object!;
        if (_objects[id] is PosixQueueObject && process.QueueModes.Remove(id)) return;
        if (process.Mappings.Remove(id, out var mapped))
        {
            if (mapped is SysvInstance segment) segment.Attached--;
            return;
        }
        var ends = step.End is { } end ? [end] : process.EndsOf(id);
        foreach (var held in ends) process.Fds.Remove($"{id}.{held}");
        AfterClosing(outcome);
    }

    /// <summary>What closing descriptions does beyond the counts: a FIFO nobody holds loses its bytes; a listener its backlog.</summary>
    private void AfterClosing(SimOutcome outcome)
    {
        foreach (var fifo in _objects.Values.OfType<FifoObject>())
            if (Readers(fifo.Buffer) == 0 && Writers(fifo.Buffer) == 0) fifo.Buffer.Clear();
        foreach (var stream in _objects.Values.OfType<StreamObject>())
            if (stream.Backlog.Count > 0 && !Held.OfType<Listener>().Any(l => l.Object == stream))
                outcome.Refuse("a listener closed with connections not yet accepted");
        foreach (var datagram in _objects.Values.OfType<DatagramObject>())
            if (!BoundHeld(datagram)) datagram.Queue.Clear();
    }

    /// <summary>
    /// A signal the kernel sends the calling thread itself (SIGPIPE on a write with no reader): held pending if
    /// blocked, else its disposition — a handler runs before the call returns, the default kills the actor.
    /// </summary>
    private void RaiseInActor(SimProcess process, int signal, SimOutcome outcome)
    {
        if (process.Blocks(signal))
        {
            process.Pending |= SimProcess.Bit(signal);
            return;
        }
        if (process.Dispositions[signal] == SignalActions.Default) Die(process, outcome);
    }
}

using IpcPlayground.Fidelity.Generation.Simulation.Objects;

namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>
/// An open file description a process holds under an end's name (<c>p.read</c>, <c>s.socket</c> ...). Children
/// inherit the same descriptions through spawn, so an end is open while any live process holds it.
/// </summary>
internal abstract class Description;

/// <summary>An end of a pipe, or of a FIFO (opened for reading, writing or both).</summary>
internal sealed class PipeEnd(PipeBuffer buffer, bool canRead, bool canWrite) : Description
{
    public PipeBuffer Buffer { get; } = buffer;
    public bool CanRead { get; } = canRead;
    public bool CanWrite { get; } = canWrite;
}

/// <summary>
/// The two directions of a socketpair or of one stream connection: <c>Incoming[side]</c> is what side reads, the bytes
/// of each write a chunk. A Unix socket's reader takes across chunks as a pipe's does; for TCP the generator reads
/// only within the first chunk, since a later one may still be on its way through the loopback device.
/// </summary>
internal sealed class Connection
{
    public ChunkedBytes[] Incoming { get; } = [new(), new()];
}

/// <summary>One side (0 or 1) of a socketpair or of an accepted (1) or connecting (0) stream socket.</summary>
internal sealed class SocketEnd(Connection connection, int side) : Description
{
    public Connection Connection { get; } = connection;
    public int Side { get; } = side;
    public ChunkedBytes Mine => Connection.Incoming[Side];
    public ChunkedBytes Peers => Connection.Incoming[1 - Side];
}

/// <summary>A listening socket (unix-stream, tcp ...), which its binder holds from its start.</summary>
internal sealed class Listener(ListeningSocketObject obj) : Description
{
    public ListeningSocketObject Object { get; } = obj;
}


/// <summary>A descriptor on its way over a Unix socket (sendFd): what object and end it is, and its description, open while it travels.</summary>
internal sealed record PassedDescriptor(string Object, string End, Description Description);

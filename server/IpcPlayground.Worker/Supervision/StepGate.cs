using IpcPlayground.Worker.Framing;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Step mode: each process waits, held before its next step, until the person running it lets it take that step
/// (<c>step</c>) or lets every process run free (<c>resume</c>).
/// </summary>
internal sealed class StepGate(bool stepMode)
{
    private readonly Dictionary<string, WorkerConnection> _held = new(StringComparer.Ordinal);

    public bool StepMode { get; private set; } = stepMode;

    /// <summary>A worker says it is held; false when it is to go on at once (a resume crossed its hold on the way).</summary>
    public bool Hold(string process, WorkerConnection connection)
    {
        if (!StepMode)
        {
            Go(connection, free: true);
            return false;
        }
        _held[process] = connection;
        return true;
    }

    /// <summary>Lets one held process take its step; null when it is not held.</summary>
    public WorkerConnection? Step(string process)
    {
        if (!_held.Remove(process, out var connection)) return null;
        Go(connection, free: false);
        return connection;
    }

    public void Resume()
    {
        StepMode = false;
        foreach (var connection in _held.Values) Go(connection, free: true);
        _held.Clear();
    }

    /// <summary>Whether the worker on <paramref name="connection"/> is held, waiting for its next step.</summary>
    public bool Holds(WorkerConnection connection) =>
        connection.Process is { } process && _held.TryGetValue(process, out var held) && held == connection;

    /// <summary>A worker's connection closed: it holds nothing any more.</summary>
    public void Forget(string process, WorkerConnection connection)
    {
        if (_held.GetValueOrDefault(process) == connection) _held.Remove(process);
    }

    // A worker killed while held leaves a connection whose sends fail with EPIPE: the go is dropped.
    private static void Go(WorkerConnection connection, bool free) =>
        FrameSocket.TrySend<ISupervisorReply>(connection.Fd, new GoFrame { Free = free }, WorkerProtocolJsonContext.Default.ISupervisorReply);
}

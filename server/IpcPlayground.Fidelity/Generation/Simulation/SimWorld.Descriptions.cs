using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>The open descriptions the objects' rules share: which are held, what closing them does, a socket's peer.</summary>
internal sealed partial class SimWorld
{
    /// <summary>
    /// Descriptions held by live processes (a closed end is open while any of them holds it), and those on their way
    /// over a socket whose receiving side a live process holds: the kernel releases them with that socket's queue.
    /// </summary>
    internal IEnumerable<Description> Held
    {
        get
        {
            var held = _processes.Values.Where(p => p.Alive).SelectMany(p => p.AllDescriptions).ToList();
            var travelling = held.OfType<SocketEnd>().Select(e => e.Mine).Distinct().SelectMany(q => q.Passed).Select(p => p.Description)
                .Concat(_objects.Values.SelectMany(o => o.Travelling(held))).ToList();
            return travelling.Count == 0 ? held : held.Concat(travelling);
        }
    }

    /// <summary>
    /// Whether the other side of a connection is open: held by a process, or — for a connecting socket not yet
    /// accepted — waiting in its listener's backlog (so a read waits, instead of seeing the end of the stream).
    /// </summary>
    internal bool PeerHeld(SocketEnd end) =>
        Held.OfType<SocketEnd>().Any(e => e.Connection == end.Connection && e.Side != end.Side) ||
        (end.Side == 0 && Held.OfType<Listener>().Any(l => l.Object.Backlog.Contains(end.Connection)));

    /// <summary>close of the ends the step names (or of all the process holds of the object).</summary>
    internal void CloseEnds(SimProcess process, Step step, SimOutcome outcome)
    {
        var id = step.Object!;
        var ends = step.End is { } end ? [end] : process.EndsOf(id);
        foreach (var held in ends) process.Fds.Remove($"{id}.{held}");
        AfterClosing(outcome);
    }

    /// <summary>What closing descriptions does beyond the counts (a FIFO nobody holds loses its bytes; a listener its backlog).</summary>
    private void AfterClosing(SimOutcome outcome)
    {
        foreach (var obj in _objects.Values) obj.AfterClosing(this, outcome);
    }
}

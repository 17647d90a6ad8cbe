using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// The processes without a parent start together: none gets its script before every one of them is running with
/// its signals set up (has said hello), so a signal one sends another at once finds it as a C process would be.
/// </summary>
internal sealed class StartBarrier(int roots)
{
    private readonly List<(WorkerConnection Connection, PlanProcess Process)> _waiting = [];
    private int _expected = roots;
    private bool _open;

    public void Arrive(WorkerConnection connection, PlanProcess process) => _waiting.Add((connection, process));

    /// <summary>One root fewer to wait for (it could not be started).</summary>
    public void Expect(int change) => _expected += change;

    /// <summary>The roots to let go, once all have arrived; each is let go once.</summary>
    public IEnumerable<(WorkerConnection Connection, PlanProcess Process)> Released()
    {
        if (!_open && _waiting.Count < _expected) return [];
        _open = true;
        var released = _waiting.ToList();
        _waiting.Clear();
        return released;
    }
}

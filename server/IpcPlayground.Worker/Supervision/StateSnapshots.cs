using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Worker.Execution.Mechanisms;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// The state events the supervisor makes itself: of each object it can read without disturbing it (after a step on
/// it, and every 100 ms while a process is blocked), of each process, and the instance label of every System V
/// state — each sent only when it no longer looks as it did last time.
/// </summary>
internal sealed class StateSnapshots(IReadOnlyList<PlanObject> objects)
{
    private readonly Dictionary<string, PlanObject> _byId = objects.ToDictionary(o => o.Id, StringComparer.Ordinal);
    private readonly SysvInstances _instances = new();
    private readonly SnapshotLedger _ledger = new();

    /// <summary>The System V identifiers the supervisor made, by object id (instance 0 of each).</summary>
    public Dictionary<string, int> SupervisorIds { get; private set; } = [];

    public void MadeBySupervisor(Dictionary<string, int> ids)
    {
        SupervisorIds = ids;
        foreach (var (id, sysvId) in ids) _instances.Add(id, sysvId);
    }

    /// <summary>An identifier a step used (a new instance, if an open of an IPC_PRIVATE object made it).</summary>
    public void Used(string objectId, int sysvId) => _instances.Add(objectId, sysvId);

    /// <summary>A worker's state of an object, with its System V instance.</summary>
    public KernelState Label(string? objectId, KernelState state) => _instances.Label(objectId, state);

    /// <summary>
    /// The object's state — a System V one as the identifier <paramref name="sysvId"/> names it (an IPC_PRIVATE object
    /// may have several), else as the supervisor made it — unless the supervisor cannot read it or it looks as it did.
    /// After a step of <paramref name="afterOp"/>, none when the worker reports the state itself, as it was then.
    /// </summary>
    public StateFrame? OfObject(string objectId, int? sysvId, long t, string? afterOp = null)
    {
        if (!_byId.TryGetValue(objectId, out var obj) || WorkerMechanisms.For(obj) is not { SupervisorSees: true } mechanism) return null;
        if (afterOp is not null && mechanism.ReportsStateAfter(Ops.KindOf(afterOp))) return null;
        var id = sysvId ?? SupervisorIds.GetValueOrDefault(objectId, -1);
        if (mechanism.Snapshot(obj, id < 0 ? null : id, out _) is not { } taken) return null;
        var state = _instances.Label(objectId, taken);
        if (!_ledger.IsNew($"object:{objectId}:{(state as ISysvIdentity)?.Instance}", state)) return null;
        return new StateFrame { T = t, Object = objectId, State = state };
    }

    public StateFrame? OfProcess(WorkerConnection connection, long t)
    {
        if (ProcessSnapshots.Take(connection.Pid, connection.PendingReportedBlocked ? connection.Pending?.Call : null, connection.Descriptors) is not { } state) return null;
        if (!_ledger.IsNew("process:" + connection.Process, state)) return null;
        return new StateFrame { T = t, Process = connection.Process, Pid = connection.Pid, State = state };
    }

    /// <summary>While any process is blocked, every 100 ms: each process and each kernel object the supervisor can read.</summary>
    public IEnumerable<StateFrame> WhileBlocked(IReadOnlyCollection<WorkerConnection> connections, long now)
    {
        if (!connections.Any(c => c.PendingReportedBlocked && c.Pending is not null) || !_ledger.PeriodicDue(now)) yield break;
        foreach (var connection in connections.Where(c => !c.IsSignalChannel && c.Process is not null))
            if (OfProcess(connection, now) is { } process) yield return process;
        foreach (var obj in objects.Where(o => WorkerMechanisms.For(o).SupervisorSees))
            foreach (var id in _instances.Of(obj.Id).DefaultIfEmpty(-1))
                if (OfObject(obj.Id, id < 0 ? null : id, now) is { } state) yield return state;
    }
}

using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Each System V object's identifiers, in the order the run made them: the one the supervisor made first
/// (instance 0), then every new one an <c>open</c> of an IPC_PRIVATE object made (1, 2, ...). An open by an ftok or
/// numeric key finds the same identifier, so such an object keeps one instance.
/// </summary>
internal sealed class SysvInstances
{
    private readonly Dictionary<string, List<int>> _ids = new(StringComparer.Ordinal);

    public void Add(string objectId, int id)
    {
        if (!_ids.TryGetValue(objectId, out var ids)) _ids[objectId] = ids = [];
        if (!ids.Contains(id)) ids.Add(id);
    }

    public IReadOnlyList<int> Of(string objectId) => _ids.TryGetValue(objectId, out var ids) ? ids : [];

    /// <summary>Adds <c>instance</c> to the state of a System V object, from the identifier it shows.</summary>
    public KernelState Label(string? objectId, KernelState state) => state switch
    {
        SysvState { Id: { } id } sysv when InstanceOf(objectId, id) is { } instance => sysv with { Instance = instance },
        SysvMemoryState { Id: { } id } memory when InstanceOf(objectId, id) is { } instance => memory with { Instance = instance },
        _ => state,
    };

    private int? InstanceOf(string? objectId, int id) =>
        objectId is not null && _ids.TryGetValue(objectId, out var ids) && ids.IndexOf(id) is >= 0 and var instance ? instance : null;
}

using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Services.Inspector;

/// <summary>An object's latest snapshot: its <c>state</c> as the run reported it, and who reported it when.</summary>
public sealed record ObjectSnapshot(string Id, string Type, KernelState State, long TNs, string? ReportedBy);

/// <summary>A process's latest snapshot from /proc, and how it ended once it has.</summary>
public sealed record ProcessSnapshot(string Process, ProcessKernelState? State, ProcessExitEvent? Exit);

/// <summary>
/// What the inspector shows: the latest <c>state</c> event of each object and of each process (events carry
/// snapshots of the kernel's view after each step on an object, and every 100 ms while a process is blocked).
/// </summary>
public sealed class InspectorModel
{
    public required IReadOnlyList<ObjectSnapshot> Objects { get; init; }
    public required IReadOnlyList<ProcessSnapshot> Processes { get; init; }

    /// <summary>Objects a step named (a read that blocked on an empty pipe) of which no snapshot has come yet.</summary>
    public IReadOnlyList<string> TouchedWithoutState { get; init; } = [];

    /// <summary>
    /// The event after which the kernel held the most — messages queued, streams with bytes waiting — by the latest
    /// state of each object; null when no moment holds anything (then the end is as good as any).
    /// </summary>
    public static long? RichestMoment(IReadOnlyList<RunEvent> events)
    {
        var held = new Dictionary<string, long>(StringComparer.Ordinal);
        long best = 0;
        long? at = null;
        foreach (var e in events)
        {
            if (e is not StateEvent { Object: { } id, State: { } state }) continue;
            held[id] = state switch
            {
                SysvQueueState q => q.Messages ?? 0,
                PosixQueueState q => q.Messages ?? 0,
                StreamState { Buffered: > 0 } => 1,
                _ => 0,
            };
            var total = held.Values.Sum();
            if (total > best) (best, at) = (total, e.Seq);
        }
        return at;
    }

    /// <summary>
    /// The events up to the one numbered <paramref name="seq"/>, with the snapshots that directly follow it (they
    /// show the kernel's view just after that step).
    /// </summary>
    public static IReadOnlyList<RunEvent> UpTo(IReadOnlyList<RunEvent> events, long seq)
    {
        var end = 0;
        while (end < events.Count && events[end].Seq <= seq) end++;
        while (end < events.Count && events[end] is StateEvent) end++;
        return end == events.Count ? events : [.. events.Take(end)];
    }

    public static InspectorModel Build(IEnumerable<RunEvent> events, IEnumerable<string>? declaredProcesses = null)
    {
        var objects = new Dictionary<string, ObjectSnapshot>(StringComparer.Ordinal);
        var objectOrder = new List<string>();
        var processOrder = new List<string>(declaredProcesses ?? []);
        var states = new Dictionary<string, ProcessKernelState>(StringComparer.Ordinal);
        var exits = new Dictionary<string, ProcessExitEvent>(StringComparer.Ordinal);
        var touched = new List<string>();

        foreach (var e in events)
        {
            if (e.Process is { } p && !processOrder.Contains(p)) processOrder.Add(p);
            switch (e)
            {
                case StateEvent { State: { } state, Object: { } id }:
                    if (!objects.ContainsKey(id)) objectOrder.Add(id);
                    objects[id] = new ObjectSnapshot(id, state.Type, state, e.TNs, e.Process);
                    break;
                case StateEvent { State: ProcessKernelState state, Object: null, Process: { } process }:
                    states[process] = state;
                    break;
                case ProcessExitEvent { Process: { } process } exit:
                    exits[process] = exit;
                    break;
                case StepEvent { Object: { } named } when !touched.Contains(named):
                    touched.Add(named);
                    break;
            }
        }

        return new InspectorModel
        {
            Objects = [.. objectOrder.Select(id => objects[id])],
            Processes = [.. processOrder.Select(p => new ProcessSnapshot(p, states.TryGetValue(p, out var s) ? s : null, exits.GetValueOrDefault(p)))],
            TouchedWithoutState = [.. touched.Where(id => !objects.ContainsKey(id))],
        };
    }
}

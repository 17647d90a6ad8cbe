using System.Text.Json.Nodes;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;

namespace IpcPlayground.Worker.Supervision;

/// <summary>A process as /proc shows it: scheduler state, where it sleeps, and its pending and blocked signals.</summary>
internal static class ProcessSnapshots
{
    public static JsonObject? Take(int pid, string? call)
    {
        if (ProcStat.State(pid) is not { } letter) return null;
        var state = new JsonObject
        {
            ["type"] = "process",
            ["state"] = letter switch { 'R' => "running", 'S' or 'D' => "sleeping", 'Z' => "zombie", 'T' or 't' => "stopped", _ => letter.ToString() },
        };
        if (letter is 'S' or 'D')
        {
            if (call is not null) state["blockedIn"] = call;
            if (ProcStat.Wchan(pid) is { } wchan) state["wchan"] = wchan;
        }
        if (ProcStat.Signals(pid) is { } masks)
        {
            state["pending"] = Names(masks.Pending);
            state["blocked"] = Names(masks.Blocked & ExperimentSignals);
            state["ignored"] = Names(masks.Ignored & ExperimentSignals);
            state["handled"] = Names(masks.Caught & ExperimentSignals);
        }
        return state;
    }

    /// <summary>The runtime blocks and catches signals of its own on its threads; only the experiment's signals are shown.</summary>
    private static readonly ulong ExperimentSignals = WorkerSignals.Standard.Aggregate(0UL, (m, s) => m | 1UL << (s - 1));

    private static JsonArray Names(ulong mask)
    {
        var names = new JsonArray();
        for (var signal = 1; signal <= 64; signal++)
            if ((mask & (1UL << (signal - 1))) != 0) names.Add((JsonNode)JsonValue.Create(SignalNames.Name(signal)));
        return names;
    }
}

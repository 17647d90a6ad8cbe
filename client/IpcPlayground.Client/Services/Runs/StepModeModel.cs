using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Services.Runs;

/// <summary>Where a process of a step-mode run stands.</summary>
public enum HeldStatus
{
    NotStarted,
    Held,
    Running,
    Blocked,
    Exited,
}

/// <summary>A process in a step-mode run: held before a step (the <c>paused</c> event says which), or not.</summary>
public sealed record ProcessHold(string Process, HeldStatus Status, PausedEvent? HeldBefore)
{
    public bool CanStep => Status == HeldStatus.Held;
}

/// <summary>
/// Which processes of a step-mode run are held and before what. A process is held when the last thing it reported
/// (snapshots and predict mode's questions, answers and outcomes aside) is a <c>paused</c> event; a call that blocked,
/// returned, or an exit means it is no longer held.
/// </summary>
public static class StepModeModel
{
    public static IReadOnlyList<ProcessHold> Build(IReadOnlyList<RunEvent> events, IEnumerable<string>? declaredProcesses = null)
    {
        var order = new List<string>(declaredProcesses ?? []);
        var last = new Dictionary<string, RunEvent>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Process is not { } process) continue;
            if (!order.Contains(process)) order.Add(process);
            if (e is not (StateEvent or QuestionEvent or AnswerEvent or OutcomeEvent)) last[process] = e;
        }
        var ended = events.OfType<RunEndEvent>().Any();
        return [.. order.Select(p => last.GetValueOrDefault(p) switch
        {
            null => new ProcessHold(p, ended ? HeldStatus.Exited : HeldStatus.NotStarted, null),
            PausedEvent paused when !ended => new ProcessHold(p, HeldStatus.Held, paused),
            BlockedEvent when !ended => new ProcessHold(p, HeldStatus.Blocked, null),
            ProcessExitEvent => new ProcessHold(p, HeldStatus.Exited, null),
            _ when ended => new ProcessHold(p, HeldStatus.Exited, null),
            _ => new ProcessHold(p, HeldStatus.Running, null),
        })];
    }

    /// <summary>What a held process will do next, as a person reads it: <c>read p</c>, <c>signal child SIGUSR1</c>, <c>increment c · store</c>.</summary>
    public static string Describe(PausedEvent paused, string storePhase = "store")
    {
        var parts = new[] { paused.Op, paused.Object ?? paused.Target, paused.Signal }.Where(p => !string.IsNullOrEmpty(p));
        var text = string.Join(" ", parts);
        return paused.Phase == "store" ? $"{text} · {storePhase}" : text;
    }
}

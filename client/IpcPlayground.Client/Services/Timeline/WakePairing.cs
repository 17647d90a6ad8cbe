using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Services.Timeline;

/// <summary>
/// Which event woke which. A call that ended a blocked span on object X was woken by the latest call of another
/// process on X that can wake it (a write or send for a read or receive, a read draining a full pipe for a write, a
/// semPost for a semWait, an open for the other end's open or accept) at or before its return. A blocked
/// <c>wait</c> is woken by the child's exit, a <c>waitSignal</c> by the latest signal sent to the process, and
/// each delivered signal by the latest <c>signal</c> call that sent it.
/// </summary>
public static class WakePairing
{
    private static readonly Dictionary<string, string[]> WokenBy = new(StringComparer.Ordinal)
    {
        ["read"] = ["write", "close"],
        ["receive"] = ["send", "remove"],
        ["write"] = ["read", "close"],
        ["send"] = ["receive"],
        ["semWait"] = ["semPost", "remove"],
        ["open"] = ["open", "accept"],
        ["accept"] = ["open"],
    };

    public static IReadOnlyList<TimelineArrow> Pair(IReadOnlyList<RunEvent> events, IReadOnlyList<TimelineSpan> spans)
    {
        var bySeq = events.ToDictionary(e => e.Seq);
        var syscalls = events.OfType<SyscallEvent>().ToList();
        var arrows = new List<TimelineArrow>();

        foreach (var span in spans)
        {
            if (span.ReturnSeq is not { } returnSeq || bySeq.GetValueOrDefault(returnSeq) is not SyscallEvent woken) continue;
            if (Waker(woken, syscalls, events) is { } waker)
                arrows.Add(new TimelineArrow(waker, woken, LabelOf(waker)));
        }

        foreach (var delivered in events.OfType<SignalEvent>().Where(s => s.Disposition is SignalDispositions.Handled or SignalDispositions.Waited or SignalDispositions.Default or SignalDispositions.Ignored))
        {
            var sender = syscalls.LastOrDefault(s => s.Op == "signal" && s.Target == delivered.Process && s.Signal == delivered.Signal && s.TNs <= delivered.TNs && s.Seq != delivered.Seq);
            if (sender is not null) arrows.Add(new TimelineArrow(sender, delivered, delivered.Signal ?? "signal"));
        }
        return arrows;
    }

    private static RunEvent? Waker(SyscallEvent woken, List<SyscallEvent> syscalls, IReadOnlyList<RunEvent> events)
    {
        switch (woken.Op)
        {
            case "wait":
                return events.OfType<ProcessExitEvent>().FirstOrDefault(x => x.Process == woken.Target);
            case "waitSignal":
                return syscalls.LastOrDefault(s => s.Op == "signal" && s.Target == woken.Process && s.TNs <= woken.TNs);
        }
        if (woken.Object is null || woken.Op is null || !WokenBy.TryGetValue(woken.Op, out var wakers)) return null;
        return syscalls.LastOrDefault(s =>
            s.Object == woken.Object && s.Process != woken.Process && s.Op is not null && wakers.Contains(s.Op) && s.TNs <= woken.TNs && s.Errno is null);
    }

    private static string LabelOf(RunEvent waker) => waker switch
    {
        SyscallEvent s => $"{s.Op}({s.Object ?? s.Target})",
        ProcessExitEvent => "exit",
        _ => waker.Kind,
    };
}

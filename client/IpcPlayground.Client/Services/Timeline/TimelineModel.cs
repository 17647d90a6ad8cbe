using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Services.Timeline;

/// <summary>
/// A run's events as a timeline: one lane per process (in the order they appear), the moments on each lane, the
/// blocked spans (a <c>blocked</c> event's <c>sinceNs</c> to the process's next call returning) and the wake-up arrows.
/// </summary>
public sealed class TimelineModel
{
    public required IReadOnlyList<string> Lanes { get; init; }
    public required IReadOnlyList<TimelineMark> Marks { get; init; }
    public required IReadOnlyList<TimelineSpan> Spans { get; init; }
    public required IReadOnlyList<TimelineArrow> Arrows { get; init; }

    /// <summary>The sleeps the steps asked for (no blocked event stands for them): from the call to its return.</summary>
    public IReadOnlyList<TimelineSleep> Sleeps { get; init; } = [];

    /// <summary>1.1: the programs processes exec'd, each on its process's lane from the exec on.</summary>
    public IReadOnlyList<TimelineProgram> Programs { get; init; } = [];

    /// <summary>The latest time any event stands at: where the run is now, or where it ended.</summary>
    public long EndNs { get; init; }

    public static TimelineModel Build(IReadOnlyList<RunEvent> events, IEnumerable<string>? declaredProcesses = null)
    {
        var lanes = new List<string>(declaredProcesses ?? []);
        var marks = new List<TimelineMark>();
        var spans = new List<TimelineSpan>();
        var programs = new List<TimelineProgram>();
        var sleeps = new List<TimelineSleep>();
        var open = new Dictionary<string, (BlockedEvent Blocked, int Index)>(StringComparer.Ordinal);
        long end = 0;

        foreach (var e in events)
        {
            end = Math.Max(end, e.TNs);
            if (e.Process is not { } process) continue;
            if (!lanes.Contains(process)) lanes.Add(process);
            switch (e)
            {
                case ProcessStartEvent:
                    marks.Add(new(e, process, e.TNs, MarkKind.Start, "start", false));
                    break;
                case BlockedEvent b when !open.ContainsKey(process):
                    open[process] = (b, spans.Count);
                    spans.Add(new(process, b.SinceNs ?? b.TNs, null, b.Call ?? b.Op ?? "?", b.Op, b.Object ?? b.Target, b.Seq, null));
                    break;
                case SyscallEvent s:
                    Close(process, s.TNs, s.Seq);
                    marks.Add(new(e, process, s.TNs, MarkKind.Syscall, s.Op ?? "?", s.Errno is not null));
                    if (s is { Op: Contracts.Experiments.Ops.Sleep, DurationNs: > 0 and var slept })
                        sleeps.Add(new(process, Math.Max(0, s.TNs - slept), s.TNs, s.Seq));
                    if (s is { Op: Contracts.Experiments.Ops.Exec, Result: 0, Path: { } program })
                        programs.Add(new(process, s.TNs, null, System.IO.Path.GetFileName(program)));
                    break;
                case OutputEvent o:
                    marks.Add(new(e, process, o.TNs, MarkKind.Output, o.Stream ?? "output", o.Stream == OutputStreams.Stderr));
                    break;
                case SignalEvent sig:
                    marks.Add(new(e, process, sig.TNs, MarkKind.Signal, sig.Signal ?? "signal", sig.Disposition == SignalDispositions.Default, SignalCodes.FromKernel(sig.Code)));
                    break;
                case ProcessExitEvent x:
                    Close(process, x.TNs, x.Seq);
                    var running = programs.FindLastIndex(p => p.Process == process && p.ToNs is null);
                    if (running >= 0) programs[running] = programs[running] with { ToNs = x.TNs };
                    marks.Add(new(e, process, x.TNs, MarkKind.Exit, x.Signal ?? $"exit {x.ExitCode}", x.Signal is not null || x.ExitCode is not (null or 0)));
                    break;
            }
        }

        void Close(string process, long tNs, long seq)
        {
            if (!open.Remove(process, out var o)) return;
            spans[o.Index] = spans[o.Index] with { ToNs = Math.Max(tNs, spans[o.Index].FromNs), ReturnSeq = seq };
        }

        return new TimelineModel
        {
            Lanes = lanes,
            Marks = marks,
            Spans = spans,
            Arrows = WakePairing.Pair(events, spans),
            Programs = programs,
            Sleeps = sleeps,
            EndNs = end,
        };
    }
}

using System.Text;

namespace IpcPlayground.Fidelity.Traces;

/// <summary>Where two traces of one experiment first part ways, for one process (or the run as a whole).</summary>
/// <param name="Kind">What differs, for counting: <c>step read errno</c>, <c>signals</c>, <c>exit</c>, <c>status</c> ...</param>
public sealed record Divergence(string Process, string Kind, string Report);

/// <summary>
/// Compares the C program's trace (the oracle: what the kernel did for a plain C program) with the run's, process by
/// process: the steps in order, the signals that reached it in order, how it ended; and how the run ended.
/// </summary>
public static class TraceComparison
{
    private const int Context = 3;

    public static IReadOnlyList<Divergence> Compare(ExperimentTrace program, ExperimentTrace run)
    {
        var divergences = new List<Divergence>();
        if (program.Status != run.Status)
            divergences.Add(new Divergence("(run)", "status", $"the C program's run ended {program.Status ?? "(no end)"}, the playground's {run.Status ?? "(no end)"}" +
                (run.RunNotes.Count > 0 ? "\n  " + string.Join("\n  ", run.RunNotes) : "")));
        foreach (var id in program.Processes.Keys.Union(run.Processes.Keys).Order(StringComparer.Ordinal))
        {
            var c = program.Processes.GetValueOrDefault(id) ?? new ProcessTrace();
            var r = run.Processes.GetValueOrDefault(id) ?? new ProcessTrace();
            if (FirstDifference(c.Steps, r.Steps) is { } step)
                divergences.Add(new Divergence(id, StepKind(c.Steps, r.Steps, step), SideBySide(id, "steps", c.Steps, r.Steps, step)));
            var (cSignals, rSignals) = (Comparable(c.Signals), Comparable(r.Signals));
            if (FirstDifference(cSignals, rSignals) is { } signal)
                divergences.Add(new Divergence(id, "signals", SideBySide(id, "signals", cSignals, rSignals, signal)));
            if (c.OutputText != r.OutputText)
                divergences.Add(new Divergence(id, "output", $"[{id}] wrote: C program {c.OutputText} | playground {r.OutputText}"));
            if (c.End != r.End)
                divergences.Add(new Divergence(id, "exit", $"[{id}] ended: C program {c.End ?? "(not seen)"} | playground {r.End ?? "(not seen)"}"));
        }
        return divergences;
    }

    /// <summary>
    /// A process's signals in an order both sides share: what the process itself saw (a handler ran, sigtimedwait took
    /// one) in the order it saw it; then what senders read of it right after kill(2) and how it died, sorted, since a
    /// sender's reading and the target's own report race to be written first.
    /// </summary>
    private static List<string> Comparable(List<string> signals) =>
    [
        .. signals.Where(SeenByTarget),
        .. signals.Where(s => !SeenByTarget(s)).Order(StringComparer.Ordinal),
    ];

    /// <summary>"NAME handled …" or "NAME waited …": the disposition is the second word.</summary>
    private static bool SeenByTarget(string signal) => signal.Split(' ') is [_, "handled" or "waited", ..];

    private static int? FirstDifference(List<string> a, List<string> b)
    {
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
            if (i >= a.Count || i >= b.Count || a[i] != b[i]) return i;
        return null;
    }

    /// <summary><c>step read errno</c>: the op of the first differing step and what about it differs.</summary>
    private static string StepKind(List<string> c, List<string> r, int at)
    {
        if (at >= c.Count) return "step extra in the playground";
        if (at >= r.Count) return "step missing in the playground";
        var (cw, rw) = (c[at].Split(' '), r[at].Split(' '));
        if (rw[0] == "error:") return $"step {cw.ElementAtOrDefault(1)} refused by the playground";
        if (cw.Length < 5 || rw.Length < 5 || cw[1] != rw[1] || cw[2] != rw[2]) return "step order";
        if (cw[0] != rw[0]) return $"step {cw[1]} path";
        if (cw[4] != rw[4]) return $"step {cw[1]} result";
        var names = cw.Skip(5).Concat(rw.Skip(5)).Select(w => w.Split('=')[0]).Distinct();
        var differing = names.Where(n => cw.Skip(5).FirstOrDefault(w => w.Split('=')[0] == n) != rw.Skip(5).FirstOrDefault(w => w.Split('=')[0] == n));
        return $"step {cw[1]} {string.Join(',', differing)}";
    }

    private static string SideBySide(string process, string section, List<string> c, List<string> r, int at)
    {
        var width = Math.Max(24, c.Skip(Math.Max(0, at - Context)).Take(2 * Context + 1).Select(l => l.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder($"[{process}] {section} differ at #{at}:\n");
        text.Append("    ").Append("C program".PadRight(width)).Append(" | playground\n");
        for (var i = Math.Max(0, at - Context); i <= Math.Min(at + Context, Math.Max(c.Count, r.Count) - 1); i++)
        {
            var left = i < c.Count ? c[i] : "";
            var right = i < r.Count ? r[i] : "";
            text.Append(i == at ? " >> " : "    ").Append(left.PadRight(width)).Append(" | ").Append(right).Append('\n');
        }
        return text.ToString().TrimEnd();
    }
}

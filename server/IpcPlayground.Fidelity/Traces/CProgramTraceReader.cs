using System.Globalization;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Mechanisms;

namespace IpcPlayground.Fidelity.Traces;

/// <summary>
/// Reads the trace an exported C program writes to standard error with IPCPLAY_TRACE set (see <c>trace</c> in the
/// program's runtime, <c>server/IpcPlayground.Exports/CProgram/Runtime/core.c</c>):
/// <c>@ PROCESS step PATH ITERATION OP SUBJECT RESULT ERRNO [name=value ...]</c>, <c>@ PROCESS signal NAME DISPOSITION [code=… sender=… value=…]</c>,
/// <c>@ PROCESS exit code N</c> or <c>exit signal NAME</c>, and <c>@ - run STATUS</c>. Other lines are ignored.
/// </summary>
public static class CProgramTraceReader
{
    public static ExperimentTrace Read(string standardError, Experiment experiment, TraceMask? mask = null)
    {
        var descriptorOpens = DescriptorOpensOf(experiment);
        var trace = new ExperimentTrace();
        foreach (var line in standardError.Split('\n'))
        {
            if (!line.StartsWith("@ ", StringComparison.Ordinal)) continue;
            var words = line[2..].TrimEnd('\r').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3) throw new FormatException($"a trace line with too few words: {line}");
            var (process, kind) = (words[0], words[1]);
            switch (kind)
            {
                case "step" when words.Length >= 8:
                    var step = new TraceStep(words[2], words[3] == "-" ? null : Number(words[3], line), words[4], words[5],
                        long.Parse(words[6], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), words[7] == "-" ? null : words[7]);
                    foreach (var field in words.Skip(8))
                    {
                        var equals = field.IndexOf('=', StringComparison.Ordinal);
                        if (equals <= 0) throw new FormatException($"a trace field without a name: {line}");
                        step.With(field[..equals], field[(equals + 1)..]);
                    }
                    mask?.Apply(process, step);
                    trace.Process(process).Steps.Add(step.Render(descriptorOpens.Contains(step.Subject)));
                    break;
                case "signal" when words.Length >= 4:
                    trace.Process(process).Signals.Add(string.Join(' ', words.Skip(2)));
                    break;
                case "output" when words.Length == 4 && words[3].StartsWith("data=", StringComparison.Ordinal):
                    trace.Process(process).AddOutput(words[2], TraceData.Decode(words[3]["data=".Length..]));
                    break;
                case "exit" when words.Length == 4:
                    trace.Process(process).End = $"{words[2]} {words[3]}";
                    break;
                case "run" when words.Length == 3:
                    trace.Status = words[2];
                    break;
                default:
                    throw new FormatException($"a trace line the oracle cannot read: {line}");
            }
        }
        return trace;
    }

    /// <summary>The objects whose open returns a descriptor, which the trace reads as <c>fd</c>.</summary>
    internal static HashSet<string> DescriptorOpensOf(Experiment experiment) =>
        (experiment.Objects ?? []).Where(o => o.Id is not null && o.Mechanism is not null && GeneratedMechanisms.Of(o).OpenReturnsDescriptor)
            .Select(o => o.Id!).ToHashSet(StringComparer.Ordinal);

    private static int Number(string word, string line) =>
        int.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"'{word}' is not a number in: {line}");
}

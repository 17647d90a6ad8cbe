using System.Globalization;
using System.Text;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Client.Services.Measure;

/// <summary>
/// The measurement's cells as the table and the CSV download show them: in the descriptors' mechanism order, then by
/// size; the figures formatted the same way in both languages (numbers read the same in Chinese).
/// </summary>
public static class MeasureRows
{
    public static IReadOnlyList<MeasurementCell> Ordered(IEnumerable<MeasurementCell> cells) =>
        [.. cells.OrderBy(c => MechanismOrder(c.Mechanism)).ThenBy(c => c.Size)];

    public static int MechanismOrder(string name) =>
        MeasureMechanisms.Named(name) is { } m ? IndexOf(m) : int.MaxValue;

    /// <summary>Why the kernel could not do the cell (or its C reference), or null when it has figures.</summary>
    public static string? Reason(MeasurementCell cell) => cell.Reason ?? cell.Reference?.Reason;

    /// <summary>The worker's messages a second over the C loop's: 1.0 is as fast as C.</summary>
    public static double? RatioToC(MeasurementCell cell) =>
        cell.MessagesPerSecond is { } worker && cell.Reference?.MessagesPerSecond is { } c && c > 0 ? worker / c : null;

    public static string Rate(double? perSecond) => perSecond is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "—";

    /// <summary>Bytes a second as MB/s (10^6, as benchmarks quote them).</summary>
    public static string MegaBytes(double? bytesPerSecond) => bytesPerSecond is { } v ? (v / 1e6).ToString("N1", CultureInfo.InvariantCulture) : "—";

    /// <summary>Nanoseconds as a person reads them: 850 ns, 12.3 µs, 1.50 ms.</summary>
    public static string Latency(long? ns) => ns switch
    {
        null => "—",
        < 1_000 => $"{ns} ns",
        < 1_000_000 => (ns.Value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + " µs",
        _ => (ns.Value / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
    };

    public static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "—";

    /// <summary>One line a cell, raw numbers (bytes a second, nanoseconds), for a spreadsheet.</summary>
    public static string Csv(IEnumerable<MeasurementCell> cells)
    {
        var csv = new StringBuilder("mechanism,size,pattern,messagesPerSecond,bytesPerSecond,p50Ns,p90Ns,p99Ns,")
            .Append("cMessagesPerSecond,cBytesPerSecond,cP50Ns,cP90Ns,cP99Ns,ratioToC,reason\n");
        foreach (var c in Ordered(cells))
        {
            string[] fields =
            [
                c.Mechanism, Raw(c.Size), c.Pattern, Raw(c.MessagesPerSecond), Raw(c.BytesPerSecond),
                Raw(c.LatencyNs?.P50), Raw(c.LatencyNs?.P90), Raw(c.LatencyNs?.P99),
                Raw(c.Reference?.MessagesPerSecond), Raw(c.Reference?.BytesPerSecond),
                Raw(c.Reference?.LatencyNs?.P50), Raw(c.Reference?.LatencyNs?.P90), Raw(c.Reference?.LatencyNs?.P99),
                RatioToC(c) is { } r ? r.ToString("0.####", CultureInfo.InvariantCulture) : "", Quoted(Reason(c)),
            ];
            csv.AppendJoin(',', fields).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>A data: address the browser downloads as a file, with no script.</summary>
    public static string DataUri(string mediaType, string text) =>
        $"data:{mediaType};charset=utf-8," + Uri.EscapeDataString(text);

    private static int IndexOf(MeasureMechanism mechanism)
    {
        for (var i = 0; i < MeasureMechanisms.All.Count; i++)
            if (MeasureMechanisms.All[i] == mechanism) return i;
        return int.MaxValue;
    }

    private static string Raw(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    private static string Raw(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Quoted(string? text) => text is null ? "" : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

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
                MeasurementFigures.RatioToC(c) is { } r ? r.ToString("0.####", CultureInfo.InvariantCulture) : "", Quoted(MeasurementFigures.Reason(c)),
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

using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Client.Services.Measure;

/// <summary>One line or bar group of a plot, before it is drawn: plain data, so the plots' content is testable without a browser.</summary>
public sealed record PlotSeries(string Name, string Color, bool Dashed, IReadOnlyList<object> X, IReadOnlyList<object> Y);

/// <summary>The series the measure page plots: throughput against size (worker, C dashed, memcpy ceiling) and latency percentiles.</summary>
public static class MeasurePlotData
{
    /// <summary>One colour a mechanism, by its place in the descriptors (the C reference shares it, dashed).</summary>
    private static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79"];

    public const string CeilingColor = "#444444";

    public static string Color(string mechanism) => Palette[Math.Min(MeasureRows.MechanismOrder(mechanism), Palette.Length - 1)];

    /// <summary>
    /// Bytes a second against message size, one series a mechanism (cells with figures only), its C reference dashed in
    /// the same colour, and memcpy's bytes a second at each size as the ceiling.
    /// </summary>
    public static IReadOnlyList<PlotSeries> Throughput(IEnumerable<MeasurementCell> cells, IReadOnlyDictionary<int, double>? memcpy, string referenceSuffix, string ceilingName)
    {
        var series = new List<PlotSeries>();
        foreach (var mechanism in MeasureRows.Ordered(cells).GroupBy(c => c.Mechanism))
        {
            var measured = mechanism.Where(c => c.BytesPerSecond is > 0).ToList();
            if (measured.Count > 0)
                series.Add(new(mechanism.Key, Color(mechanism.Key), false, [.. measured.Select(c => (object)c.Size)], [.. measured.Select(c => (object)c.BytesPerSecond!.Value)]));
            var reference = mechanism.Where(c => c.Reference?.BytesPerSecond is > 0).ToList();
            if (reference.Count > 0)
                series.Add(new(mechanism.Key + " " + referenceSuffix, Color(mechanism.Key), true,
                    [.. reference.Select(c => (object)c.Size)], [.. reference.Select(c => (object)c.Reference!.BytesPerSecond!.Value)]));
        }
        if (memcpy is { Count: > 0 })
        {
            var sizes = memcpy.Where(p => p.Value > 0).OrderBy(p => p.Key).ToList();
            series.Add(new(ceilingName, CeilingColor, true, [.. sizes.Select(p => (object)p.Key)], [.. sizes.Select(p => (object)p.Value)]));
        }
        return series;
    }

    /// <summary>Latency percentiles: three bar series (p50, p90, p99) over one category a mechanism × size, in nanoseconds.</summary>
    public static IReadOnlyList<PlotSeries> Latency(IEnumerable<MeasurementCell> cells)
    {
        var measured = MeasureRows.Ordered(cells).Where(c => c.LatencyNs is not null).ToList();
        IReadOnlyList<object> categories = [.. measured.Select(c => (object)$"{c.Mechanism} {MessageSizes.Format(c.Size)}")];
        return
        [
            new("p50", "#4c78a8", false, categories, [.. measured.Select(c => (object)c.LatencyNs!.P50)]),
            new("p90", "#f58518", false, categories, [.. measured.Select(c => (object)c.LatencyNs!.P90)]),
            new("p99", "#e45756", false, categories, [.. measured.Select(c => (object)c.LatencyNs!.P99)]),
        ];
    }
}

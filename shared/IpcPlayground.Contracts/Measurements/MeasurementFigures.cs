using System.Globalization;

namespace IpcPlayground.Contracts.Measurements;

/// <summary>A cell's figures as people read them, the same in the page's table and the CLI's (numbers read the same in Chinese).</summary>
public static class MeasurementFigures
{
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
}

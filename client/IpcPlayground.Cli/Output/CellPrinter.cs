using System.Text.Json;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Cli.Output;

/// <summary>
/// Prints a measurement's events as NDJSON (one contract event a line, as received) or as an aligned table, a row a
/// cell as it finishes and the end's status last.
/// </summary>
public sealed class CellPrinter(TextWriter output, bool table)
{
    private bool _headerWritten;

    /// <summary>The columns, aligned as <see cref="Row"/> aligns them.</summary>
    public static readonly string Header =
        $"{"mechanism",-11} {"size",8} {"msgs/s",13} {"MB/s",10} {"p50",8} {"p90",8} {"p99",8} {"C msgs/s",10} {"C MB/s",10} {"worker/C",9}  why no figure";

    public void Print(MeasurementEvent e)
    {
        if (!table)
        {
            output.WriteLine(JsonSerializer.Serialize(e, ContractsJsonContext.Default.MeasurementEvent));
            return;
        }
        if (e is MeasurementEnd end)
        {
            output.WriteLine($"measure-end: {end.Status}");
            return;
        }
        if (!_headerWritten)
        {
            output.WriteLine(Header);
            _headerWritten = true;
        }
        output.WriteLine(Row((MeasurementCell)e));
    }

    public static string Row(MeasurementCell c) =>
        $"{c.Mechanism,-11} {MessageSizes.Format(c.Size),8} {MeasurementFigures.Rate(c.MessagesPerSecond),13} {MeasurementFigures.MegaBytes(c.BytesPerSecond),10} " +
        $"{MeasurementFigures.Latency(c.LatencyNs?.P50),8} {MeasurementFigures.Latency(c.LatencyNs?.P90),8} {MeasurementFigures.Latency(c.LatencyNs?.P99),8} " +
        $"{MeasurementFigures.Rate(c.Reference?.MessagesPerSecond),10} {MeasurementFigures.MegaBytes(c.Reference?.BytesPerSecond),10} " +
        $"{MeasurementFigures.Ratio(MeasurementFigures.RatioToC(c)),9}  {MeasurementFigures.Reason(c)}".TrimEnd();
}

using System.Text.Json.Serialization;

namespace IpcPlayground.Contracts.Measurements;

/// <summary>
/// One event of a measurement (<c>GET /api/measurements/{id}/events</c>, NDJSON), tagged by <c>kind</c>: a
/// <c>cell</c> as each mechanism × size finishes, then one <c>measure-end</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(MeasurementCell), MeasurementEventKinds.Cell)]
[JsonDerivedType(typeof(MeasurementEnd), MeasurementEventKinds.MeasureEnd)]
public abstract record MeasurementEvent;

public static class MeasurementEventKinds
{
    public const string Cell = "cell";
    public const string MeasureEnd = "measure-end";
}

/// <summary>The statuses a measurement ends with.</summary>
public static class MeasurementStatuses
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Limit = "limit";
    public static readonly IReadOnlyList<string> All = [Completed, Failed, Limit];

    /// <summary>What <c>GET /api/measurements/{id}</c> says before the <c>measure-end</c> (never a <c>measure-end</c>'s status).</summary>
    public const string Running = "running";
}

/// <summary>Latency percentiles of one message (stream: send to receive; ping-pong: half a round trip), in nanoseconds.</summary>
public sealed record LatencyPercentiles(long P50, long P90, long P99);

/// <summary>
/// What one loop reached: messages and bytes a second and the latency percentiles. Extension: <see cref="Messages"/>
/// timed, and <see cref="Reason"/> instead of figures when the kernel cannot do the cell (a message above a queue's
/// limit), naming the limit.
/// </summary>
public sealed record CellFigures
{
    public double? MessagesPerSecond { get; init; }
    public double? BytesPerSecond { get; init; }
    public LatencyPercentiles? LatencyNs { get; init; }
    public long? Messages { get; init; }
    public string? Reason { get; init; }
}

/// <summary>A mechanism × size: the NativeAOT worker's loop, and beside it the same loop in C (<see cref="Reference"/>).</summary>
public sealed record MeasurementCell : MeasurementEvent
{
    public required string Mechanism { get; init; }
    public int Size { get; init; }
    public required string Pattern { get; init; }
    public double? MessagesPerSecond { get; init; }
    public double? BytesPerSecond { get; init; }
    public LatencyPercentiles? LatencyNs { get; init; }
    public long? Messages { get; init; }
    public string? Reason { get; init; }
    public CellFigures? Reference { get; init; }
}

/// <summary>
/// The last event. Extensions: <see cref="Message"/> says why a measurement did not complete; <see cref="Machine"/>
/// what the loops ran on; <see cref="OtherRuns"/> how many runs the server had going meanwhile (a noisy figure's why).
/// </summary>
public sealed record MeasurementEnd : MeasurementEvent
{
    public required string Status { get; init; }
    public string? Message { get; init; }
    public MeasurementMachine? Machine { get; init; }
    public int? OtherRuns { get; init; }
}

namespace IpcPlayground.Contracts.Measurements;

/// <summary>The answer to <c>POST /api/measurements</c>.</summary>
public sealed record MeasurementAccepted(string MeasurementId);

/// <summary>
/// The answer to <c>GET /api/measurements/{id}</c>: the request with its defaults filled in, how it stands, and every
/// cell so far. <see cref="Status"/> is <c>running</c> until the <c>measure-end</c>, then one of
/// <see cref="MeasurementStatuses"/>. Extensions: <see cref="Machine"/>, <see cref="OtherRuns"/>, <see cref="Message"/>.
/// </summary>
public sealed record MeasurementSummary
{
    public required string MeasurementId { get; init; }
    public required MeasurementRequest Request { get; init; }
    public required string Status { get; init; }
    public string? Message { get; init; }
    public MeasurementMachine? Machine { get; init; }
    public int? OtherRuns { get; init; }
    public required IReadOnlyList<MeasurementCell> Cells { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
}

using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Runs.Measurements;

/// <summary>
/// One measurement as the server keeps it: the request (defaults filled in), the machine once the worker has said it,
/// and its events — cells as they finish, then one <c>measure-end</c> — which a late reader sees exactly as an early one.
/// </summary>
public sealed class Measurement(string id, MeasurementRequest request, DateTimeOffset startedAt)
{
    private readonly LiveLog<MeasurementEvent> _events = new(e => e is MeasurementEnd);

    public string Id { get; } = id;
    public MeasurementRequest Request { get; } = request;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>What the loops run on, from the worker's first frame (or the record's <c>measure-end</c>).</summary>
    public MeasurementMachine? Machine { get; set; }

    /// <summary>Whose recording quota the record counts against: a pseudonymous key of the requesting address.</summary>
    public string? RecordedFor { get; init; }

    /// <summary>A finished measurement rebuilt from its record.</summary>
    public static Measurement Restore(string id, MeasurementRequest request, DateTimeOffset startedAt, DateTimeOffset endedAt, IReadOnlyList<MeasurementEvent> events)
    {
        var measurement = new Measurement(id, request, startedAt);
        measurement.Append(events, endedAt);
        measurement.Machine = events.OfType<MeasurementEnd>().LastOrDefault()?.Machine;
        return measurement;
    }

    /// <summary>Appends events (nothing after a <c>measure-end</c>); the end stamps <see cref="EndedAt"/> with <paramref name="now"/>.</summary>
    public void Append(IReadOnlyList<MeasurementEvent> events, DateTimeOffset now)
    {
        // Stamped first: whoever reads the end reads the time it ended too.
        if (events.Any(e => e is MeasurementEnd)) EndedAt ??= now;
        _events.Append(events);
    }

    public MeasurementEvent[] Snapshot() => _events.Snapshot();

    public MeasurementSummary Summarize()
    {
        var events = Snapshot();
        var end = events.LastOrDefault() as MeasurementEnd;
        return new MeasurementSummary
        {
            MeasurementId = Id, Request = Request, StartedAt = StartedAt, EndedAt = end is null ? null : EndedAt,
            Status = end?.Status ?? MeasurementStatuses.Running, Message = end?.Message,
            Machine = Machine, OtherRuns = end?.OtherRuns,
            Cells = [.. events.OfType<MeasurementCell>()],
        };
    }

    /// <summary>Every event, replayed and then followed live until the <c>measure-end</c>.</summary>
    public IAsyncEnumerable<MeasurementEvent> ReadAllAsync(CancellationToken cancellationToken = default) => _events.ReadAllAsync(cancellationToken);
}

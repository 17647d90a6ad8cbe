using System.Runtime.CompilerServices;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Runs.Measurements;

/// <summary>
/// One measurement as the server keeps it: the request (defaults filled in), the machine once the worker has said it,
/// and its events — cells as they finish, then one <c>measure-end</c>. Readers replay what is there and then wait for
/// more until the end, so a late reader sees exactly what an early one saw.
/// </summary>
public sealed class Measurement(string id, MeasurementRequest request, DateTimeOffset startedAt)
{
    private readonly List<MeasurementEvent> _events = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = NewSignal();

    public string Id { get; } = id;
    public MeasurementRequest Request { get; } = request;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>What the loops run on, from the worker's first frame (or the record's <c>measure-end</c>).</summary>
    public MeasurementMachine? Machine { get; set; }

    /// <summary>Whose recording quota the record counts against: a pseudonymous key of the requesting address.</summary>
    public string? RecordedFor { get; init; }

    public MeasurementEnd? End
    {
        get { lock (_lock) return _events.LastOrDefault() as MeasurementEnd; }
    }

    /// <summary>A finished measurement rebuilt from its record.</summary>
    public static Measurement Restore(string id, MeasurementRequest request, DateTimeOffset startedAt, DateTimeOffset endedAt, IReadOnlyList<MeasurementEvent> events)
    {
        var measurement = new Measurement(id, request, startedAt);
        measurement.Append(events, endedAt);
        measurement.Machine = measurement.End?.Machine;
        return measurement;
    }

    /// <summary>Appends events (nothing after a <c>measure-end</c>); the end stamps <see cref="EndedAt"/> with <paramref name="now"/>.</summary>
    public void Append(IReadOnlyList<MeasurementEvent> events, DateTimeOffset now)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            foreach (var e in events)
            {
                if (EndedAt is not null) break;
                _events.Add(e);
                if (e is MeasurementEnd) EndedAt = now;
            }
            changed = _changed;
            _changed = NewSignal();
        }
        changed.SetResult();
    }

    public MeasurementEvent[] Snapshot()
    {
        lock (_lock) return [.. _events];
    }

    public MeasurementSummary Summarize()
    {
        var events = Snapshot();
        var end = events.LastOrDefault() as MeasurementEnd;
        return new MeasurementSummary
        {
            MeasurementId = Id, Request = Request, StartedAt = StartedAt, EndedAt = EndedAt,
            Status = end?.Status ?? MeasurementStatuses.Running, Message = end?.Message,
            Machine = Machine, OtherRuns = end?.OtherRuns,
            Cells = [.. events.OfType<MeasurementCell>()],
        };
    }

    public async IAsyncEnumerable<MeasurementEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = 0;
        while (true)
        {
            MeasurementEvent[] batch;
            Task changed;
            bool ended;
            lock (_lock)
            {
                batch = [.. _events.Skip(next)];
                changed = _changed.Task;
                ended = EndedAt is not null;
            }
            next += batch.Length;
            foreach (var e in batch) yield return e;
            if (ended) yield break;
            await changed.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

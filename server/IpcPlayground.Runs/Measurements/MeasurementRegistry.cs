using System.Collections.Concurrent;
using IpcPlayground.Contracts.Measurements;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Runs.Measurements;

/// <summary>
/// The measurements this server holds in memory: the running ones, and finished ones until they are recorded (then
/// the store serves them) — or, if recording failed, for <see cref="RunsOptions.RetainMinutes"/> after they end.
/// </summary>
public sealed class MeasurementRegistry(IOptions<RunsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Measurement> _measurements = new(StringComparer.Ordinal);

    public Measurement Create(MeasurementRequest request, string? recordedFor)
    {
        Prune();
        var measurement = new Measurement(Contracts.Ids.Base32Id.Random(16), request, Now(time)) { RecordedFor = recordedFor };
        _measurements[measurement.Id] = measurement;
        return measurement;
    }

    public Measurement? Find(string id) => _measurements.GetValueOrDefault(id);

    public int Count => _measurements.Count;

    /// <summary>The time to the millisecond, as the record keeps it: a summary reads the same from memory and from the store.</summary>
    public static DateTimeOffset Now(TimeProvider time) => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Lets go of a finished measurement its record now serves.</summary>
    public void Forget(Measurement measurement) => _measurements.TryRemove(new(measurement.Id, measurement));

    /// <summary>Lets go of finished measurements past their time (those whose record could not be written).</summary>
    public void Prune()
    {
        var cutoff = time.GetUtcNow().AddMinutes(-options.Value.RetainMinutes);
        foreach (var (id, measurement) in _measurements)
            if (measurement.EndedAt is { } ended && ended < cutoff) _measurements.TryRemove(id, out _);
    }
}

using System.Text.Json;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Measurements;
using IpcPlayground.Runs.Measurements;
using IpcPlayground.Storage;
using IpcPlayground.Storage.Model;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Storage;

/// <summary>Records finished measurements in the playground's database: the request, and the events as NDJSON exactly as streamed.</summary>
public sealed class StoredMeasurementRecorder(PlaygroundStore store, IOptions<StorageOptions> options) : IMeasurementRecorder
{
    public async Task RecordAsync(Measurement measurement, IReadOnlyList<MeasurementEvent> events, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        using var ndjson = new MemoryStream();
        EventNdjson.WriteTo(ndjson, events, ContractsJsonContext.Default.MeasurementEvent);
        await store.RecordMeasurementAsync(new RecordedMeasurement
        {
            Id = measurement.Id,
            Status = events.OfType<MeasurementEnd>().LastOrDefault()?.Status ?? MeasurementStatuses.Failed,
            StartedAtMs = measurement.StartedAt.ToUnixTimeMilliseconds(), EndedAtMs = endedAt.ToUnixTimeMilliseconds(),
            ExpiresAtMs = endedAt.AddDays(options.Value.RunRetentionDays).ToUnixTimeMilliseconds(),
            CellCount = events.Count(e => e is MeasurementCell),
            Request = JsonSerializer.SerializeToUtf8Bytes(measurement.Request, ContractsJsonContext.Default.MeasurementRequest),
            EventsNdjson = ndjson.ToArray(),
            Client = measurement.RecordedFor,
        }, cancellationToken);
    }

    public async Task<Measurement?> RestoreAsync(string measurementId, CancellationToken cancellationToken)
    {
        if (await store.FindMeasurementAsync(measurementId, cancellationToken) is not { } record) return null;
        return Measurement.Restore(record.Id, JsonSerializer.Deserialize(record.Request, ContractsJsonContext.Default.MeasurementRequest)!,
            DateTimeOffset.FromUnixTimeMilliseconds(record.StartedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(record.EndedAtMs),
            EventNdjson.Read(record.EventsNdjson, ContractsJsonContext.Default.MeasurementEvent));
    }
}

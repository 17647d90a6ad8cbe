using System.Buffers;
using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Runs;
using IpcPlayground.Storage;
using IpcPlayground.Storage.Model;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Storage;

/// <summary>Records finished runs in the playground's database as NDJSON, exactly as the events endpoint writes them (large ones compressed).</summary>
public sealed class StoredRunRecorder(PlaygroundStore store, IOptions<StorageOptions> options, TimeProvider time) : IRunRecorder
{
    public async Task RecordAsync(Run run, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken)
    {
        var ended = time.GetUtcNow();
        var status = events.OfType<RunEndEvent>().LastOrDefault()?.Status ?? RunStatuses.Failed;
        var (stored, ndjsonBytes) = RecordedEvents.Pack(events, run.EventBytes, options.Value.CompressRecordsAboveBytes);
        await store.RecordRunAsync(new RecordedRun
        {
            Id = run.Id, Name = run.Name, Mode = run.Control.Mode, Status = status,
            StartedAtMs = run.StartedAt.ToUnixTimeMilliseconds(), EndedAtMs = ended.ToUnixTimeMilliseconds(),
            ExpiresAtMs = ended.AddDays(options.Value.RunRetentionDays).ToUnixTimeMilliseconds(),
            EventCount = events.Count, Experiment = run.ExperimentJson,
            EventsNdjson = stored, EventBytes = ndjsonBytes,
            WorkshopId = run.Owner?.WorkshopId, ParticipantId = run.Owner?.ParticipantId, Client = run.RecordedFor,
        }, cancellationToken);
    }

    public async Task<Run?> RestoreAsync(string runId, CancellationToken cancellationToken)
    {
        if (await store.FindRunAsync(runId, cancellationToken) is not { } record) return null;
        var events = RecordedEvents.Unpack(record.EventsNdjson);
        var run = Run.Restore(record.Id, record.Name, record.Mode, record.Experiment,
            DateTimeOffset.FromUnixTimeMilliseconds(record.StartedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(record.EndedAtMs),
            events, time,
            record is { WorkshopId: { } workshop, ParticipantId: { } participant } ? new RunOwner(workshop, participant) : null);
        // Records made before EventBytes was kept are uncompressed: their length is the NDJSON's.
        run.CountEventBytes(record.EventBytes > 0 ? record.EventBytes : record.EventsNdjson.Length);
        return run;
    }
}

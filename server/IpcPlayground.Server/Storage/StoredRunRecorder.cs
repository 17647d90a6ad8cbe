using System.Buffers;
using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Runs;
using IpcPlayground.Storage;
using IpcPlayground.Storage.Model;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Storage;

/// <summary>Records finished runs in the playground's database as NDJSON, exactly as the events endpoint writes them.</summary>
public sealed class StoredRunRecorder(PlaygroundStore store, IOptions<StorageOptions> options, TimeProvider time) : IRunRecorder
{
    public async Task RecordAsync(Run run, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken)
    {
        var ended = time.GetUtcNow();
        var status = events.OfType<RunEndEvent>().LastOrDefault()?.Status ?? RunStatuses.Failed;
        await store.RecordRunAsync(new RecordedRun
        {
            Id = run.Id, Name = run.Name, Mode = run.Control.Mode, Status = status,
            StartedAtMs = run.StartedAt.ToUnixTimeMilliseconds(), EndedAtMs = ended.ToUnixTimeMilliseconds(),
            ExpiresAtMs = ended.AddDays(options.Value.RunRetentionDays).ToUnixTimeMilliseconds(),
            EventCount = events.Count, Experiment = run.ExperimentJson, EventsNdjson = EventNdjson.Write(events),
            WorkshopId = run.Owner?.WorkshopId, ParticipantId = run.Owner?.ParticipantId,
        }, cancellationToken);
    }

    public async Task<Run?> RestoreAsync(string runId, CancellationToken cancellationToken)
    {
        if (await store.FindRunAsync(runId, cancellationToken) is not { } record) return null;
        return Run.Restore(record.Id, record.Name, record.Mode, record.Experiment,
            DateTimeOffset.FromUnixTimeMilliseconds(record.StartedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(record.EndedAtMs),
            EventNdjson.Read(record.EventsNdjson), time,
            record is { WorkshopId: { } workshop, ParticipantId: { } participant } ? new RunOwner(workshop, participant) : null);
    }
}

/// <summary>Events as NDJSON: one contract event a line, as the events endpoint serves them.</summary>
public static class EventNdjson
{
    /// <summary>One event and its newline, as the events endpoint writes it to the response.</summary>
    public static void WriteLine(IBufferWriter<byte> output, RunEvent e)
    {
        using (var writer = new Utf8JsonWriter(output))
            JsonSerializer.Serialize(writer, e, ContractsJsonContext.Default.RunEvent);
        output.Write("\n"u8);
    }

    public static byte[] Write(IEnumerable<RunEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var e in events) WriteLine(buffer, e);
        return buffer.WrittenSpan.ToArray();
    }

    public static List<RunEvent> Read(byte[] ndjson)
    {
        var events = new List<RunEvent>();
        foreach (var line in System.Text.Encoding.UTF8.GetString(ndjson).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            events.Add(JsonSerializer.Deserialize(line, ContractsJsonContext.Default.RunEvent)!);
        return events;
    }
}

namespace IpcPlayground.Storage.Model;

/// <summary>A finished run: the experiment it ran and every event, as NDJSON, kept until <see cref="ExpiresAtMs"/>.</summary>
public sealed class RecordedRun
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required string Mode { get; init; }
    public required string Status { get; init; }
    public long StartedAtMs { get; init; }
    public long EndedAtMs { get; init; }
    public long ExpiresAtMs { get; init; }
    public int EventCount { get; init; }
    public required byte[] Experiment { get; init; }
    public required byte[] EventsNdjson { get; init; }

    /// <summary>Set for a workshop participant's run, which only they, their instructor and a spotlight may read.</summary>
    public string? WorkshopId { get; init; }

    public string? ParticipantId { get; init; }
}

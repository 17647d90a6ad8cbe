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
    /// <summary>The events as NDJSON; gzip-compressed when large (it then starts with gzip's magic bytes, never with <c>{</c>).</summary>
    public required byte[] EventsNdjson { get; init; }

    /// <summary>How many bytes of NDJSON the events are, uncompressed: what counts against the client's recording quota.</summary>
    public long EventBytes { get; init; }

    /// <summary>A pseudonymous key of the address that started the run (a hash, never the address), for its quota.</summary>
    public string? Client { get; init; }

    /// <summary>Set for a workshop participant's run, which only they, their instructor and a spotlight may read.</summary>
    public string? WorkshopId { get; init; }

    public string? ParticipantId { get; init; }
}

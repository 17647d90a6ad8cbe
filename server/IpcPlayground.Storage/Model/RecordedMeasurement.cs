namespace IpcPlayground.Storage.Model;

/// <summary>A finished measurement: its request (defaults filled in) and its events as NDJSON, kept until <see cref="ExpiresAtMs"/>.</summary>
public sealed class RecordedMeasurement
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public long StartedAtMs { get; init; }
    public long EndedAtMs { get; init; }
    public long ExpiresAtMs { get; init; }
    public int CellCount { get; init; }

    /// <summary>The request as JSON, with every default filled in.</summary>
    public required byte[] Request { get; init; }

    /// <summary>The events (cells, then measure-end) as NDJSON, exactly as the events endpoint streamed them.</summary>
    public required byte[] EventsNdjson { get; init; }

    /// <summary>A pseudonymous key of the address that asked for it (a hash, never the address), for its recording quota.</summary>
    public string? Client { get; init; }
}

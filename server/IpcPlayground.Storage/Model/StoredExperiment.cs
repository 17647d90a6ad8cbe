namespace IpcPlayground.Storage.Model;

/// <summary>A shared experiment: the exact bytes that were posted, under an id derived from them. Never changed.</summary>
public sealed class StoredExperiment
{
    public required string Id { get; init; }
    public required byte[] Body { get; init; }
    public string? Name { get; init; }
    public long CreatedAtMs { get; init; }

    /// <summary>A pseudonymous key of the address that shared it first (a hash, never the address), for its quota.</summary>
    public string? Client { get; init; }
}

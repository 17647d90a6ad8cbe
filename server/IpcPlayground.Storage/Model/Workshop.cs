namespace IpcPlayground.Storage.Model;

/// <summary>
/// A hosted workshop. Keys are kept only as SHA-256 hashes; <see cref="SpotlightParticipantId"/> is whom the room sees.
/// </summary>
public sealed class Workshop
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string JoinCode { get; init; }
    public required string InstructorKeyHash { get; init; }
    public bool JoinOpen { get; set; } = true;
    public long CreatedAtMs { get; init; }
    public long? EndedAtMs { get; set; }
    public string? SpotlightParticipantId { get; set; }
    public List<WorkshopExperimentEntry> Experiments { get; init; } = [];
}

/// <summary>One experiment of a workshop, in order: a stored experiment under a title.</summary>
public sealed class WorkshopExperimentEntry
{
    public required string WorkshopId { get; init; }
    public int Position { get; init; }
    public required string Title { get; init; }
    public required string ExperimentId { get; init; }
}

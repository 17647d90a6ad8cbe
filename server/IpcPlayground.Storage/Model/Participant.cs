namespace IpcPlayground.Storage.Model;

/// <summary>
/// Someone who joined a workshop with a display name: where they are and their latest run, as the board shows them.
/// <see cref="Connections"/> counts their open hub connections across every server instance.
/// </summary>
public sealed class Participant
{
    public required string Id { get; init; }
    public required string WorkshopId { get; init; }
    public required string Name { get; init; }
    public required string KeyHash { get; init; }
    public long JoinedAtMs { get; init; }
    public int Connections { get; set; }
    public string? Experiment { get; set; }
    public string? LastRunId { get; set; }
    public string? LastRunStatus { get; set; }
    public int LastRunEventCount { get; set; }

    /// <summary>The processes of the latest run blocked in a call, comma-separated, as last seen.</summary>
    public string? LastRunBlocked { get; set; }

    public bool LastRunDeadlocked { get; set; }
}

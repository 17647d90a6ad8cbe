using System.ComponentModel.DataAnnotations;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// Quotas of hosted workshops (section <c>Workshops</c>). Run quotas are counted by the instance that runs the run;
/// with sticky sessions a participant stays on one instance, so their own quotas hold across a scaled-out room.
/// </summary>
public sealed class WorkshopOptions
{
    public const string Section = "Workshops";

    [Range(1, 10_000)] public int MaxParticipants { get; set; } = 500;
    [Range(1, 100)] public int MaxExperiments { get; set; } = 30;
    [Range(1, 600)] public int RunsPerParticipantPerMinute { get; set; } = 20;
    [Range(1, 10)] public int ConcurrentRunsPerParticipant { get; set; } = 1;
    [Range(1, 10_000)] public int ConcurrentRunsPerWorkshop { get; set; } = 100;

    /// <summary>Joins a workshop accepts per minute, from all addresses together: a leaked code cannot fill a room in a burst.</summary>
    [Range(1, 10_000)] public int JoinsPerWorkshopPerMinute { get; set; } = 120;

    public WorkshopQuotas ToQuotas() => new(MaxParticipants, RunsPerParticipantPerMinute, ConcurrentRunsPerParticipant, ConcurrentRunsPerWorkshop);
}

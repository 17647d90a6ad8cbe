using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Storage.Model;

namespace IpcPlayground.Server.Workshops;

/// <summary>Stored workshops and participants as the contract shows them.</summary>
public static class WorkshopViews
{
    public static WorkshopInfo Info(Workshop workshop, Participant? spotlighted, WorkshopQuotas quotas) => new(
        workshop.Id,
        workshop.Title,
        workshop.JoinCode,
        workshop.JoinOpen && workshop.EndedAtMs is null,
        workshop.EndedAtMs is not null,
        [.. workshop.Experiments.OrderBy(e => e.Position).Select(e => new WorkshopExperiment(e.Position, e.Title, e.ExperimentId))],
        quotas,
        spotlighted is null ? null : SpotlightOf(spotlighted));

    public static Spotlight SpotlightOf(Participant participant) => new(participant.Id, participant.Name, participant.LastRunId);

    public static ParticipantStatus Status(Participant participant) => new(
        participant.Id,
        participant.Name,
        participant.Connections > 0,
        participant.Experiment,
        participant.LastRunId is { } runId
            ? new ParticipantRun(runId, participant.LastRunStatus ?? RunStatuses.Running, Split(participant.LastRunBlocked), participant.LastRunDeadlocked, participant.LastRunEventCount)
            : null);

    private static string[] Split(string? list) => string.IsNullOrEmpty(list) ? [] : list.Split(',');
}

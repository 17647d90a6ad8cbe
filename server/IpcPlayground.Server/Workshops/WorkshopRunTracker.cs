using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Runs;
using IpcPlayground.Storage.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// Follows a participant's run on the instance that runs it: keeps their board row (stored, so a board opened later
/// or on another instance sees it) and tells the instructors each change; moves the spotlight to the new run. The
/// participant's next run may start while this one's last change is still being saved: only the start of a run
/// takes over the board row, later changes land only while the row still shows their run.
/// </summary>
public sealed partial class WorkshopRunTracker(WorkshopStore store, WorkshopRoom room, BackgroundWork background, ILogger<WorkshopRunTracker> logger)
{
    public void Track(Run run, WorkshopCaller participant) =>
        background.Start($"following workshop run {run.Id}", async () =>
        {
            try { await FollowAsync(run, participant); }
            catch (Exception e) when (e is not OperationCanceledException) { WorkshopsLog.TrackingFailed(logger, run.Id, e); }
        });

    private async Task FollowAsync(Run run, WorkshopCaller participant)
    {
        var roots = ExperimentReader.Read(run.ExperimentJson).Experiment?.Processes?.Where(p => p.Parent is null).Select(p => p.Id!) ?? [];
        var state = new ParticipantRunState(run.Id, roots);
        await SaveAsync(participant, state.Current, takeOver: true);
        if (await store.SpotlightOfAsync(participant.WorkshopId, CancellationToken.None) == participant.ParticipantId)
            await room.SendSpotlightAsync(participant.WorkshopId);
        await foreach (var e in run.Events.ReadAllAsync())
            if (state.Observe(e))
                await SaveAsync(participant, state.Current, takeOver: false);
    }

    private async Task SaveAsync(WorkshopCaller participant, ParticipantRun current, bool takeOver)
    {
        var saved = await store.SetLastRunAsync(participant.ParticipantId!, current.RunId, current.Status, current.EventCount,
            string.Join(',', current.Blocked), current.Deadlocked, takeOver, CancellationToken.None);
        if (saved && await store.FindParticipantAsync(participant.ParticipantId!, CancellationToken.None) is { } row)
            await room.ParticipantChanged(participant.WorkshopId, WorkshopViews.Status(row));
    }
}

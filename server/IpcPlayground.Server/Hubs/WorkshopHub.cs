using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Server.Access;
using IpcPlayground.Server.Workshops;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Runs;
using IpcPlayground.Storage;
using IpcPlayground.Storage.Workshops;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Hubs;

/// <summary>
/// The room of a workshop. A connection presents a key; its role decides its groups and the methods it may call, and
/// every method acts on the caller's own workshop only, so no id a page sends can reach another workshop.
/// </summary>
[Authorize]
public sealed class WorkshopHub(WorkshopStore workshops, PlaygroundStore experiments, WorkshopRoom room, IParticipantRemovals removals,
    MeasurementFinder measurements, PredictionStore predictions, PredictionTallies tallies, IOptions<WorkshopOptions> options, ILogger<WorkshopHub> logger)
    : Hub<IWorkshopClient>, IWorkshopHub
{
    private const int MaxExperimentTitle = 200;

    private WorkshopCaller Caller => WorkshopCaller.Of(Context.User) ?? throw new HubException("a workshop key is required");

    public override async Task OnConnectedAsync()
    {
        var caller = Caller;
        await Groups.AddToGroupAsync(Context.ConnectionId, WorkshopRoom.Everyone(caller.WorkshopId));
        if (caller.IsInstructor)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, WorkshopRoom.Instructors(caller.WorkshopId));
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, WorkshopRoom.Participants(caller.WorkshopId));
        await Groups.AddToGroupAsync(Context.ConnectionId, WorkshopRoom.Participant(caller.ParticipantId!));
        await ConnectionsChangedAsync(caller, +1);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (WorkshopCaller.Of(Context.User) is { IsInstructor: false } caller) await ConnectionsChangedAsync(caller, -1);
    }

    public async Task<WorkshopInfo> GetWorkshop() => await InfoAsync(Caller.WorkshopId);

    [Authorize(Roles = WorkshopRoles.Participant)]
    public async Task ReportExperiment(string title)
    {
        var caller = Caller;
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxExperimentTitle || !StoredText.IsClean(trimmed))
            throw new HubException($"an experiment title is from 1 to {MaxExperimentTitle} characters, without control characters");
        await workshops.SetExperimentAsync(caller.ParticipantId!, trimmed, Context.ConnectionAborted);
        await ParticipantChangedAsync(caller);
    }

    [Authorize(Roles = WorkshopRoles.Instructor)]
    public async Task<WorkshopBoard> GetBoard()
    {
        var caller = Caller;
        var info = await InfoAsync(caller.WorkshopId);
        var participants = await workshops.ParticipantsOfAsync(caller.WorkshopId, Context.ConnectionAborted);
        return new WorkshopBoard(info, [.. participants.Select(WorkshopViews.Status)]);
    }

    [Authorize(Roles = WorkshopRoles.Instructor)]
    public async Task Broadcast(string experimentId)
    {
        var workshop = await OpenWorkshopAsync();
        if (string.IsNullOrEmpty(experimentId) || experimentId.Length > 32
            || await experiments.FindExperimentAsync(experimentId, Context.ConnectionAborted) is not { } stored)
            throw new HubException($"no experiment '{experimentId}' is stored here");
        var title = workshop.Experiments.FirstOrDefault(e => e.ExperimentId == experimentId)?.Title ?? stored.Name ?? experimentId;
        await room.Broadcast(workshop.Id, new BroadcastExperiment(experimentId, title, System.Text.Encoding.UTF8.GetString(stored.Body)));
    }

    [Authorize(Roles = WorkshopRoles.Instructor)]
    public async Task BroadcastMeasurement(string measurementId)
    {
        var workshop = await OpenWorkshopAsync();
        if (string.IsNullOrEmpty(measurementId) || measurementId.Length > 32
            || await measurements.FindAsync(measurementId, Context.ConnectionAborted) is not { } measurement)
            throw new HubException($"no measurement '{measurementId}' is kept here");
        var request = measurement.Request;
        var title = $"{string.Join(", ", request.Mechanisms!)} × {string.Join(", ", request.Sizes!)} B ({request.Pattern}, CPUs {request.Cpus})";
        await room.Broadcast(workshop.Id, new BroadcastMeasurement(measurement.Id, title, measurement.Machine?.Cpus, measurement.Machine?.Kernel));
    }

    [Authorize(Roles = WorkshopRoles.Instructor)]
    public async Task SetSpotlight(string? participantId)
    {
        var workshop = await OpenWorkshopAsync();
        if (participantId is not null)
        {
            var participant = await workshops.FindParticipantAsync(participantId, Context.ConnectionAborted);
            if (participant is null || participant.WorkshopId != workshop.Id) throw new HubException($"no participant '{participantId}' in this workshop");
        }
        await workshops.SetSpotlightAsync(workshop.Id, participantId, Context.ConnectionAborted);
        await room.SendSpotlightAsync(workshop.Id);
    }

    [Authorize(Roles = WorkshopRoles.Instructor)]
    public async Task SetJoinOpen(bool open)
    {
        var workshop = await OpenWorkshopAsync();
        await workshops.SetJoinOpenAsync(workshop.Id, open, Context.ConnectionAborted);
        await room.WorkshopChanged(await InfoAsync(workshop.Id));
    }

    [Authorize(Roles = WorkshopRoles.Instructor)]
    public async Task EndWorkshop()
    {
        var workshop = await OpenWorkshopAsync();
        await workshops.EndAsync(workshop.Id, Context.ConnectionAborted);
        await room.SpotlightChanged(workshop.Id, null);
        await room.WorkshopChanged(await InfoAsync(workshop.Id));
    }

    [Authorize(Roles = WorkshopRoles.Instructor)]
    public async Task RemoveParticipant(string participantId)
    {
        var workshop = await OpenWorkshopAsync();
        var spotlighted = workshop.SpotlightParticipantId == participantId;
        var answered = string.IsNullOrEmpty(participantId) ? [] : await predictions.AnsweredByAsync(participantId, Context.ConnectionAborted);
        if (string.IsNullOrEmpty(participantId) || !await workshops.RemoveParticipantAsync(workshop.Id, participantId, Context.ConnectionAborted))
            throw new HubException($"no participant '{participantId}' in this workshop");
        // Their answers went with them: the board counts the room again.
        foreach (var (predictionId, questionKey) in answered) tallies.Changed(workshop.Id, predictionId, questionKey);
        WorkshopsLog.ParticipantRemoved(logger, workshop.Id, participantId);
        await room.ParticipantRemoved(workshop.Id, participantId);
        if (spotlighted) await room.SpotlightChanged(workshop.Id, null);
        // Every instance stops their runs and closes their connections (their key opens no new one).
        await removals.AnnounceAsync(workshop.Id, participantId);
    }

    /// <summary>The caller's workshop, if it has not ended: an ended workshop can be read, not changed.</summary>
    private async Task<IpcPlayground.Storage.Model.Workshop> OpenWorkshopAsync()
    {
        var workshop = await workshops.FindAsync(Caller.WorkshopId, Context.ConnectionAborted) ?? throw new HubException("this workshop no longer exists");
        return workshop.EndedAtMs is null ? workshop : throw new HubException("this workshop has ended");
    }

    private async Task<WorkshopInfo> InfoAsync(string workshopId)
    {
        var workshop = await workshops.FindAsync(workshopId, Context.ConnectionAborted) ?? throw new HubException("this workshop no longer exists");
        var spotlighted = workshop.SpotlightParticipantId is { } id ? await workshops.FindParticipantAsync(id, Context.ConnectionAborted) : null;
        return WorkshopViews.Info(workshop, spotlighted, options.Value.ToQuotas());
    }

    private async Task ConnectionsChangedAsync(WorkshopCaller participant, int delta)
    {
        await workshops.AddConnectionAsync(participant.ParticipantId!, delta, CancellationToken.None);
        await ParticipantChangedAsync(participant);
    }

    private async Task ParticipantChangedAsync(WorkshopCaller participant)
    {
        if (await workshops.FindParticipantAsync(participant.ParticipantId!, CancellationToken.None) is { } row)
            await room.ParticipantChanged(participant.WorkshopId, WorkshopViews.Status(row));
    }
}

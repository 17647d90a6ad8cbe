using IpcPlayground.Server.Hubs;
using IpcPlayground.Server.Access;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Storage.Workshops;
using Microsoft.AspNetCore.SignalR;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// The SignalR groups of a workshop and what is sent to them. Groups span every instance when the Redis backplane
/// is on, so a change made on one instance reaches pages connected to any other.
/// </summary>
public sealed class WorkshopRoom(IHubContext<WorkshopHub, IWorkshopClient> hub, WorkshopStore store, ISpotlightMoves moves)
{
    public static string Everyone(string workshopId) => $"workshop:{workshopId}";
    public static string Instructors(string workshopId) => $"workshop:{workshopId}:instructors";
    public static string Participants(string workshopId) => $"workshop:{workshopId}:participants";

    /// <summary>The connections of one participant, so they can be told they were removed.</summary>
    public static string Participant(string participantId) => $"participant:{participantId}";

    public Task ParticipantRemoved(string workshopId, string participantId) =>
        hub.Clients.Groups(Instructors(workshopId), Participant(participantId)).ParticipantRemoved(participantId);

    public Task ParticipantChanged(string workshopId, ParticipantStatus participant) =>
        hub.Clients.Group(Instructors(workshopId)).ParticipantChanged(participant);

    public Task Broadcast(string workshopId, BroadcastExperiment experiment) =>
        hub.Clients.Group(Participants(workshopId)).ExperimentBroadcast(experiment);

    public Task Broadcast(string workshopId, BroadcastMeasurement measurement) =>
        hub.Clients.Group(Participants(workshopId)).MeasurementBroadcast(measurement);

    /// <summary>Tells the room, and takes those who watched a run the spotlight no longer shows out of its group.</summary>
    public async Task SpotlightChanged(string workshopId, Spotlight? spotlight)
    {
        await hub.Clients.Group(Everyone(workshopId)).SpotlightChanged(spotlight);
        await moves.AnnounceAsync(workshopId);
    }

    /// <summary>
    /// Tells the room who is in the spotlight, and their current run, as the store has it. The instructor moving the
    /// spotlight and the spotlighted participant starting a run both send; whichever sends last may have read before
    /// the other wrote, so this sends again while the store has moved on (a few times: the instructor is one person).
    /// </summary>
    public async Task SendSpotlightAsync(string workshopId)
    {
        var current = await store.SpotlightOfAsync(workshopId, CancellationToken.None);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var participant = current is null ? null : await store.FindParticipantAsync(current, CancellationToken.None);
            await SpotlightChanged(workshopId, participant is null ? null : WorkshopViews.SpotlightOf(participant));
            var now = await store.SpotlightOfAsync(workshopId, CancellationToken.None);
            if (now == current) return;
            current = now;
        }
    }

    /// <summary>To everyone: the room's prediction started, was held or let go.</summary>
    public Task PredictionChanged(string workshopId, RoomPrediction? prediction) =>
        hub.Clients.Group(Everyone(workshopId)).PredictionChanged(prediction);

    public Task PredictionTallied(string workshopId, PredictionTally tally) =>
        hub.Clients.Group(Instructors(workshopId)).PredictionTallied(tally);

    public Task WorkshopChanged(WorkshopInfo workshop) =>
        hub.Clients.Group(Everyone(workshop.WorkshopId)).WorkshopChanged(workshop);
}

using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Workshops;
using Microsoft.AspNetCore.SignalR;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// The SignalR groups of a workshop and what is sent to them. Groups span every instance when the Redis backplane
/// is on, so a change made on one instance reaches pages connected to any other.
/// </summary>
public sealed class WorkshopRoom(IHubContext<WorkshopHub, IWorkshopClient> hub)
{
    public static string Everyone(string workshopId) => $"workshop:{workshopId}";
    public static string Instructors(string workshopId) => $"workshop:{workshopId}:instructors";
    public static string Participants(string workshopId) => $"workshop:{workshopId}:participants";

    public Task ParticipantChanged(string workshopId, ParticipantStatus participant) =>
        hub.Clients.Group(Instructors(workshopId)).ParticipantChanged(participant);

    public Task Broadcast(string workshopId, BroadcastExperiment experiment) =>
        hub.Clients.Group(Participants(workshopId)).ExperimentBroadcast(experiment);

    public Task SpotlightChanged(string workshopId, Spotlight? spotlight) =>
        hub.Clients.Group(Everyone(workshopId)).SpotlightChanged(spotlight);

    public Task WorkshopChanged(WorkshopInfo workshop) =>
        hub.Clients.Group(Everyone(workshop.WorkshopId)).WorkshopChanged(workshop);
}

using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;
using Microsoft.AspNetCore.SignalR.Client;

namespace IpcPlayground.Benchmarks.WorkshopLoad;

/// <summary>
/// One step of the ramp: a <see cref="LoadRoom"/> of <c>participants</c> running lessons for the step's duration, its
/// instructor on the first server's workshop hub counting board changes. With <c>spotlight</c>, the instructor
/// spotlights the first participant, so the whole room follows each of their runs.
/// </summary>
public static class LoadStep
{
    public static async Task<LoadStats> RunAsync(LoadCluster cluster, int participants, TimeSpan duration, TimeSpan period, bool spotlight = false)
    {
        await using var room = await LoadRoom.CreateAsync(cluster, $"Load {participants}");
        await using var instructor = WorkshopConnection.Build(cluster.Servers[0].BaseAddress, IWorkshopHub.Path, room.Created.InstructorKey);
        instructor.On<ParticipantStatus>(nameof(IWorkshopClient.ParticipantChanged), _ => room.Stats.BoardUpdated());
        await instructor.StartAsync().DefaultTimeout();
        await room.JoinAsync(participants);
        if (spotlight) await instructor.InvokeAsync(nameof(IWorkshopHub.SetSpotlight), room.Participants[0].ParticipantId).DefaultTimeout();
        await room.RunLessonsAsync(duration, period);
        return room.Stats;
    }
}

using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;
using Microsoft.AspNetCore.SignalR.Client;

namespace IpcPlayground.Benchmarks.WorkshopLoad;

/// <summary>
/// One step of the ramp: a new workshop made on the first server, its instructor on that server's workshop hub,
/// <c>participants</c> joined round-robin across the servers, each running a lesson every <c>period</c>
/// (pipe-byte-stream and semaphore-admits-two alternately, starts staggered) for the step's duration. With
/// <c>spotlight</c>, the instructor spotlights the first participant, so the whole room follows each of their runs.
/// </summary>
public static class LoadStep
{
    private static readonly string[] Lessons = ["pipe-byte-stream", "semaphore-admits-two"];

    public static async Task<LoadStats> RunAsync(LoadCluster cluster, int participants, TimeSpan duration, TimeSpan period, bool spotlight = false)
    {
        var stats = new LoadStats();
        var first = cluster.Servers[0];
        var clients = cluster.Servers.Select(s => s.CreateLoopbackClient()).ToList();
        var created = await new WorkshopApi(clients[0]).CreateAsync($"Load {participants}",
            [.. Lessons.Select(l => new WorkshopExperimentSource(Lesson: l))]).DefaultTimeout();
        await using var instructor = WorkshopConnection.Build(first.BaseAddress, IWorkshopHub.Path, created.InstructorKey);
        instructor.On<ParticipantStatus>(nameof(IWorkshopClient.ParticipantChanged), _ => stats.BoardUpdated());
        await instructor.StartAsync().DefaultTimeout();

        var room = new SimulatedParticipant?[participants];
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, participants), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                var server = i % cluster.Servers.Count;
                room[i] = await SimulatedParticipant.JoinAsync(cluster.Servers[server].BaseAddress, clients[server], created.JoinCode, $"p{i}",
                    LessonLibrary.Get(Lessons[i % Lessons.Length]).ExperimentJson, cluster.Stamps, stats);
            });
            if (spotlight) await instructor.InvokeAsync(nameof(IWorkshopHub.SetSpotlight), room[0]!.ParticipantId).DefaultTimeout();
            using var stop = new CancellationTokenSource(duration);
            await Task.WhenAll(room.Select((p, i) => p!.RunLessonsAsync(period * i / participants, period, stop.Token)));
        }
        finally
        {
            await Task.WhenAll(room.OfType<SimulatedParticipant>().Select(p => p.DisposeAsync().AsTask()));
            foreach (var client in clients) client.Dispose();
            cluster.Stamps.Clear();
        }
        return stats;
    }
}

using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;

namespace IpcPlayground.Benchmarks.WorkshopLoad;

/// <summary>
/// A workshop made on the cluster's first server and a room of simulated participants joined round-robin across the
/// servers, each running a lesson every period (pipe-byte-stream and semaphore-admits-two alternately, starts staggered).
/// Leaving takes every participant's connections down.
/// </summary>
public sealed class LoadRoom : IAsyncDisposable
{
    private static readonly string[] Lessons = ["pipe-byte-stream", "semaphore-admits-two"];

    private readonly LoadCluster _cluster;
    private readonly List<HttpClient> _clients;
    private SimulatedParticipant?[] _participants = [];

    private LoadRoom(LoadCluster cluster, List<HttpClient> clients, CreatedWorkshop created)
    {
        _cluster = cluster;
        _clients = clients;
        Created = created;
    }

    public CreatedWorkshop Created { get; }

    public LoadStats Stats { get; } = new();

    public IReadOnlyList<SimulatedParticipant> Participants => [.. _participants.OfType<SimulatedParticipant>()];

    /// <summary>The workshop, with no one in it yet.</summary>
    public static async Task<LoadRoom> CreateAsync(LoadCluster cluster, string title)
    {
        var clients = cluster.Servers.Select(s => s.CreateLoopbackClient()).ToList();
        try
        {
            var created = await new WorkshopApi(clients[0]).CreateAsync(title, [.. Lessons.Select(l => new WorkshopExperimentSource(Lesson: l))]).DefaultTimeout();
            return new LoadRoom(cluster, clients, created);
        }
        catch
        {
            foreach (var client in clients) client.Dispose();
            throw;
        }
    }

    /// <summary>Joins <paramref name="participants"/> by code (eight at a time), each connected to both hubs.</summary>
    public async Task JoinAsync(int participants)
    {
        _participants = new SimulatedParticipant?[participants];
        await Parallel.ForEachAsync(Enumerable.Range(0, participants), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var server = i % _cluster.Servers.Count;
            _participants[i] = await SimulatedParticipant.JoinAsync(_cluster.Servers[server].BaseAddress, _clients[server], Created.JoinCode, $"p{i}",
                LessonLibrary.Get(Lessons[i % Lessons.Length]).ExperimentJson, _cluster.Stamps, Stats);
        });
    }

    /// <summary>Everyone runs lessons for <paramref name="duration"/>, one every <paramref name="period"/>, starts spread over the first period.</summary>
    public async Task RunLessonsAsync(TimeSpan duration, TimeSpan period)
    {
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(_participants.Select((p, i) => p!.RunLessonsAsync(period * i / _participants.Length, period, stop.Token)));
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_participants.OfType<SimulatedParticipant>().Select(p => p.DisposeAsync().AsTask()));
        foreach (var client in _clients) client.Dispose();
        _cluster.Stamps.Clear();
    }
}

using IpcPlayground.Testing;

namespace IpcPlayground.Benchmarks.WorkshopLoad;

/// <summary>
/// The servers a load step talks to, in this process so their publish stamps and the clients share one clock: one
/// instance with its SQLite default, or two with Redis (backplane and live-run copies) and PostgreSQL, as deployed.
/// </summary>
public sealed class LoadCluster : IAsyncDisposable
{
    /// <summary>Raised so the room's size, not a safety limit, decides; the benchmark prints them.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Runs:MaxConcurrentRuns"] = "1000",
        // A uid for each run at once, room predictions' pool included.
        ["Sandbox:HostUidPoolSize"] = "2048",
        ["Runs:MaxConcurrentRunsPerClient"] = "1000",
        ["Workshops:MaxParticipants"] = "10000",
        ["Workshops:ConcurrentRunsPerWorkshop"] = "10000",
        ["Logging:LogLevel:Default"] = "Warning",
        // Errors are counted per step instead (PlaygroundServer collects them).
        ["Logging:Console:LogLevel:Default"] = "None",
    };

    private readonly RedisServer? _redis;
    private readonly PostgresServer? _postgres;

    private LoadCluster(IReadOnlyList<PlaygroundServer> servers, PublishStamps stamps, RedisServer? redis, PostgresServer? postgres)
    {
        Servers = servers;
        Stamps = stamps;
        _redis = redis;
        _postgres = postgres;
    }

    public IReadOnlyList<PlaygroundServer> Servers { get; }

    public PublishStamps Stamps { get; }

    /// <summary>Every error the servers have logged so far.</summary>
    public IReadOnlyList<string> LoggedErrors => [.. Servers.SelectMany(s => s.LoggedErrors)];

    public static LoadCluster StartOne()
    {
        var stamps = new PublishStamps();
        return new LoadCluster([StopOnSignal.Own(PlaygroundServer.WithServices(Settings, stamps.Decorate))], stamps, null, null);
    }

    public static async Task<LoadCluster> StartTwoAsync()
    {
        var stamps = new PublishStamps();
        var redis = StopOnSignal.Own(await RedisServer.StartAsync());
        var postgres = StopOnSignal.Own(await PostgresServer.StartAsync());
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["ScaleOut:Redis"] = redis.ConnectionString,
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = postgres.ConnectionString,
        };
        return new LoadCluster([StopOnSignal.Own(PlaygroundServer.WithServices(settings, stamps.Decorate)),
            StopOnSignal.Own(PlaygroundServer.WithServices(settings, stamps.Decorate))], stamps, redis, postgres);
    }

    public async ValueTask DisposeAsync()
    {
        IAsyncDisposable?[] owned = [.. Servers, _redis, _postgres];
        foreach (var resource in owned.OfType<IAsyncDisposable>())
        {
            await resource.DisposeAsync();
            StopOnSignal.Release(resource);
        }
    }
}

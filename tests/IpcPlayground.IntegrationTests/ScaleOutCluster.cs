using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// Two server instances on different loopback ports sharing a throwaway Redis (backplane, live-run copies) and a
/// throwaway PostgreSQL, as the scale-out deployment runs them; everything is stopped and removed on dispose.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    private RedisServer? _redis;
    private PostgresServer? _postgres;

    public PlaygroundServer A { get; private set; } = null!;
    public PlaygroundServer B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _postgres = await PostgresServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ScaleOut:Redis"] = _redis.ConnectionString,
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = _postgres.ConnectionString,
        };
        A = PlaygroundServer.WithSettings(settings);
        B = PlaygroundServer.WithSettings(settings);
    }

    public async Task DisposeAsync()
    {
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}

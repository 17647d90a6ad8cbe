using IpcPlayground.Storage;
using IpcPlayground.Storage.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpcPlayground.UnitTests;

/// <summary>The store against a real SQLite file migrated to the current schema, with a clock the test moves.</summary>
public sealed class PlaygroundStoreTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("store-");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;
    private PlaygroundStore _store = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<SqlitePlaygroundDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_directory.FullName, "test.db")};Pooling=False"));
        services.AddSingleton(Options.Create(new StorageOptions()));
        services.AddSingleton<PlaygroundDb>();
        _services = services.BuildServiceProvider();
        var db = _services.GetRequiredService<PlaygroundDb>();
        await using (var context = db.Open()) await context.Database.MigrateAsync();
        _store = new PlaygroundStore(db, _clock);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    private RecordedRun Run(string id, TimeSpan keptFor, string? client = null, long eventBytes = 3) => new()
    {
        Client = client, EventBytes = eventBytes, Id = id, Mode = "free", Status = "completed", Experiment = "{}"u8.ToArray(), EventsNdjson = "{}\n"u8.ToArray(),
        EndedAtMs = _clock.GetUtcNow().ToUnixTimeMilliseconds(), ExpiresAtMs = _clock.GetUtcNow().Add(keptFor).ToUnixTimeMilliseconds(),
    };

    [Fact]
    public async Task A_recorded_run_is_found_until_it_expires_and_is_then_deleted()
    {
        await _store.RecordRunAsync(Run("short", TimeSpan.FromDays(1)), default);
        await _store.RecordRunAsync(Run("long", TimeSpan.FromDays(30)), default);
        Assert.NotNull(await _store.FindRunAsync("short", default));

        _clock.Advance(TimeSpan.FromDays(2));

        Assert.Null(await _store.FindRunAsync("short", default));
        Assert.Equal(1, await _store.DeleteExpiredRunsAsync(default));
        Assert.NotNull(await _store.FindRunAsync("long", default));
    }

    [Fact]
    public async Task What_a_client_recorded_and_shared_is_counted_per_client_within_the_window()
    {
        var start = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _store.RecordRunAsync(Run("a1", TimeSpan.FromDays(30), "a", 1000), default);
        _clock.Advance(TimeSpan.FromHours(1));
        await _store.RecordRunAsync(Run("a2", TimeSpan.FromDays(30), "a", 500), default);
        await _store.RecordRunAsync(Run("b1", TimeSpan.FromDays(30), "b", 7), default);
        await _store.SaveExperimentAsync("""{"format":1,"name":"x"}"""u8.ToArray(), "x", "a", default);

        Assert.Equal(new ClientUsage(1500, start), await _store.RecordedSinceAsync("a", start, default));
        Assert.Equal(new ClientUsage(500, start + 3_600_000), await _store.RecordedSinceAsync("a", start + 1, default));
        Assert.Equal(7, (await _store.RecordedSinceAsync("b", start, default)).Bytes);
        Assert.Equal(new ClientUsage(0, null), await _store.RecordedSinceAsync("c", start, default));
        Assert.Equal(23, (await _store.SharedSinceAsync("a", start, default)).Bytes);
        Assert.Equal(0, (await _store.SharedSinceAsync("b", start, default)).Bytes);

        // Once the window is over, who stored what is forgotten.
        Assert.Equal(1, await _store.ForgetClientsAsync(start + 1, default));
        Assert.Equal(new ClientUsage(500, start + 3_600_000), await _store.RecordedSinceAsync("a", start, default));
        Assert.Equal(23, (await _store.SharedSinceAsync("a", start, default)).Bytes);
        Assert.Equal(3, await _store.ForgetClientsAsync(start + 7_200_000, default));
        Assert.Equal(new ClientUsage(0, null), await _store.RecordedSinceAsync("a", start, default));
        Assert.Equal(0, (await _store.SharedSinceAsync("a", start, default)).Bytes);
    }

    private RecordedMeasurement Measurement(string id, TimeSpan keptFor, string? client = null, int eventBytes = 3) => new()
    {
        Client = client, Id = id, Status = "completed", Request = "{}"u8.ToArray(), EventsNdjson = new byte[eventBytes],
        EndedAtMs = _clock.GetUtcNow().ToUnixTimeMilliseconds(), ExpiresAtMs = _clock.GetUtcNow().Add(keptFor).ToUnixTimeMilliseconds(),
    };

    [Fact]
    public async Task A_recorded_measurement_counts_in_its_clients_recorded_bytes_and_expires_like_a_run()
    {
        var start = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _store.RecordMeasurementAsync(Measurement("m1", TimeSpan.FromDays(1), "a", 500), default);
        _clock.Advance(TimeSpan.FromHours(1));
        await _store.RecordRunAsync(Run("r1", TimeSpan.FromDays(30), "a", 1000), default);

        Assert.Equal(new ClientUsage(1500, start), await _store.RecordedSinceAsync("a", start, default));
        Assert.Equal(500, (await _store.FindMeasurementAsync("m1", default))!.EventsNdjson.Length);

        _clock.Advance(TimeSpan.FromDays(2));

        Assert.Null(await _store.FindMeasurementAsync("m1", default));
        Assert.Equal(1, await _store.DeleteExpiredRunsAsync(default));
        Assert.Equal(1, await _store.ForgetClientsAsync(_clock.GetUtcNow().ToUnixTimeMilliseconds(), default));
    }

    [Fact]
    public async Task An_experiment_id_depends_on_its_bytes_only_and_never_expires()
    {
        var a = await _store.SaveExperimentAsync("""{"format":1}"""u8.ToArray(), null, null, default);
        var b = await _store.SaveExperimentAsync("""{"format": 1}"""u8.ToArray(), null, null, default);
        var a2 = await _store.SaveExperimentAsync("""{"format":1}"""u8.ToArray(), "renamed", null, default);
        _clock.Advance(TimeSpan.FromDays(3650));
        await _store.DeleteExpiredRunsAsync(default);

        Assert.Equal(a, a2);
        Assert.NotEqual(a, b);
        Assert.Matches("^[a-z2-7]{10}$", a);
        Assert.Equal("""{"format":1}""", System.Text.Encoding.UTF8.GetString((await _store.FindExperimentAsync(a, default))!.Body));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

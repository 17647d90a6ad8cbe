using System.Net;
using System.Text.Json.Nodes;
using IpcPlayground.Sandbox;
using IpcPlayground.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static IpcPlayground.Testing.PrometheusText;

namespace IpcPlayground.IntegrationTests;

/// <summary>A server whose measurements run in a <see cref="FakeMeasureSandbox"/>.</summary>
internal static class FakeMeasureServer
{
    public static PlaygroundServer Start(FakeMeasureSandbox fake, TemporaryDirectory? data = null, params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        if (data is not null) all["Storage:DataDirectory"] = data.Path;
        return PlaygroundServer.WithServices(all, services =>
        {
            services.RemoveAll<ISandbox>();
            services.AddSingleton<ISandbox>(fake);
        });
    }

    /// <summary>A deadline of 50 ms × 2 loops × 3 + 200 ms for a one-cell matrix.</summary>
    public static readonly (string, string)[] ShortDeadline = [("Measurements:MaxMatrixMs", "100"), ("Measurements:DeadlineSlackMs", "200")];
}

/// <summary>
/// How a measurement ends, with the worker faked: completed with every cell, killed past its deadline (limit), cut
/// short by the server stopping or by a worker that dies (failed) — always with a measure-end, a record, its slots
/// back and its sandbox disposed.
/// </summary>
public sealed class MeasurementEndingTests
{
    private const string OneCell = """{ "mechanisms": ["pipe"], "sizes": [64] }""";

    [Fact]
    public async Task A_completed_matrix_streams_each_cell_with_its_rates_then_the_end_and_replays_byte_for_byte_after_a_restart()
    {
        var fake = new FakeMeasureSandbox(FakeMeasureEnding.Completes);
        using var data = new TemporaryDirectory();
        string id, live;
        JsonObject summary;
        await using (var server = FakeMeasureServer.Start(fake, data, ("Measurements:MaxMatrixMs", "1200")))
        {
            var api = new MeasurementApi(server.CreateLoopbackClient());
            id = await api.StartAsync("""{ "mechanisms": ["pipe", "shm-ring", "eventfd"], "sizes": [64, 4096], "pattern": "ping-pong", "cpus": "same" }""");
            live = await api.EventsTextAsync(id);
            summary = await api.SummaryAsync(id);
            Assert.Equal(live, await api.EventsTextAsync(id));
            Assert.Empty(server.LoggedErrors);
        }

        var plan = await fake.Plan.DefaultTimeout();
        Assert.Equal(["pipe/64", "pipe/4096", "shm-ring/64", "shm-ring/4096", "eventfd/64", "eventfd/4096"], plan.Cells.Select(c => $"{c.Mechanism}/{c.Size}"));
        Assert.Equal(("ping-pong", "same", true, true), (plan.Pattern, plan.Cpus, plan.Reference, plan.Seccomp));
        Assert.Equal(1200 / 6 / 2, plan.CellBudgetMs);

        var events = MeasurementApi.Lines(live);
        Assert.Equal(plan.Cells.Select(c => $"{c.Mechanism}/{c.Size}"), events.Cells().Select(c => $"{c.Str("mechanism")}/{c["size"]}"));
        var pipe = events.Cell("pipe", 4096);
        Assert.Equal(("ping-pong", 1e6, 4096e6, 1000L), (pipe.Str("pattern"), pipe.Number("messagesPerSecond"), pipe.Number("bytesPerSecond"), pipe.Long("messages")));
        Assert.Equal("""{"p50":1000,"p90":2000,"p99":5000}""", pipe["latencyNs"]!.ToJsonString());
        Assert.Equal(1e9 * 1000 / 900_000, pipe["reference"]!.AsObject().Number("messagesPerSecond"));
        // An eventfd round trip carries a counter, not a message of the cell's size: no bytes a second.
        Assert.Null(events.Cell("eventfd", 4096)["bytesPerSecond"]);

        var end = events.End();
        Assert.Equal("completed", end.Str("status"));
        Assert.Equal(0, end["otherRuns"]!.GetValue<int>());
        Assert.Equal("""{"cpus":2,"cpuModel":"Fake CPU","kernel":"6.1.0-fake","memcpyBytesPerSecond":{"64":10000000064,"4096":10000004096}}""",
            end["machine"]!.ToJsonString());

        Assert.Equal((id, "completed"), (summary.Str("measurementId"), summary.Str("status")));
        Assert.Equal("""{"format":1,"mechanisms":["pipe","shm-ring","eventfd"],"sizes":[64,4096],"pattern":"ping-pong","cpus":"same","reference":true}""",
            summary["request"]!.ToJsonString());
        Assert.Equal(string.Join("\n", events.Cells().Select(WithoutKind)), string.Join("\n", summary["cells"]!.AsArray().Select(c => c!.ToJsonString())));
        Assert.Equal(end["machine"]!.ToJsonString(), summary["machine"]!.ToJsonString());
        Assert.Equal((1, 1), (fake.Started, fake.Disposed));

        await using var restarted = FakeMeasureServer.Start(fake, data);
        var again = new MeasurementApi(restarted.CreateLoopbackClient());
        Assert.Equal(live, await again.EventsTextAsync(id));
        Assert.Equal(summary.ToJsonString(), (await again.SummaryAsync(id)).ToJsonString());
    }

    /// <summary>A cell event as the summary lists it: the same fields without the event's kind.</summary>
    private static string WithoutKind(JsonObject cell)
    {
        var copy = cell.DeepClone().AsObject();
        copy.Remove("kind");
        return copy.ToJsonString();
    }

    [Fact]
    public async Task A_measurement_past_its_deadline_is_killed_ends_with_limit_and_gives_its_slot_back()
    {
        var fake = new FakeMeasureSandbox(FakeMeasureEnding.Hangs);
        await using var server = FakeMeasureServer.Start(fake, settings: FakeMeasureServer.ShortDeadline);
        var api = new MeasurementApi(server.CreateLoopbackClient());

        var events = await api.MeasureAsync(OneCell);
        var next = await api.MeasureAsync(OneCell);

        Assert.Single(events.Cells());
        Assert.Equal("limit", events.End().Str("status"));
        Assert.Contains("did not finish within 0.5 s", events.End().Str("message"), StringComparison.Ordinal);
        Assert.Equal("limit", next.End().Str("status"));
        Assert.Equal((2, 2), (fake.Started, fake.Disposed));
        Assert.Empty(server.LoggedErrors);
    }

    [Fact]
    public async Task A_worker_that_dies_mid_matrix_ends_the_measurement_failed_with_what_it_said()
    {
        var fake = new FakeMeasureSandbox(FakeMeasureEnding.Dies);
        await using var server = FakeMeasureServer.Start(fake);
        var api = new MeasurementApi(server.CreateLoopbackClient());

        var events = await api.MeasureAsync("""{ "mechanisms": ["pipe", "shm-ring"], "sizes": [64] }""");

        Assert.Single(events.Cells());
        Assert.Equal("failed", events.End().Str("status"));
        Assert.Contains($"the sandbox stopped after 1 of 2 cells: {FakeMeasureSandbox.DiesWith}", events.End().Str("message"), StringComparison.Ordinal);
        Assert.Equal((1, 1), (fake.Started, fake.Disposed));
    }

    [Fact]
    public async Task A_server_that_stops_ends_its_measurement_failed_records_it_and_leaves_no_sandbox()
    {
        var fake = new FakeMeasureSandbox(FakeMeasureEnding.Hangs);
        using var data = new TemporaryDirectory();
        string id;
        await using (var server = FakeMeasureServer.Start(fake, data))
        {
            var api = new MeasurementApi(server.CreateLoopbackClient());
            id = await api.StartAsync(OneCell);
            await fake.Plan.DefaultTimeout();
            Assert.Equal("running", (await api.SummaryAsync(id)).Str("status"));
        }
        Assert.Equal((1, 1), (fake.Started, fake.Disposed));

        await using var restarted = FakeMeasureServer.Start(fake, data);
        var summary = await new MeasurementApi(restarted.CreateLoopbackClient()).SummaryAsync(id);
        Assert.Equal("failed", summary.Str("status"));
        Assert.Contains("the server is stopping", summary.Str("message"), StringComparison.Ordinal);
        Assert.NotNull(summary["endedAt"]);
    }

    [Fact]
    public async Task One_measurement_at_a_time_and_it_takes_a_run_slot_of_its_client()
    {
        var fake = new FakeMeasureSandbox(FakeMeasureEnding.Hangs);
        await using var server = FakeMeasureServer.Start(fake, settings: ("Runs:MaxConcurrentRunsPerClient", "1"));
        using var http = server.CreateLoopbackClient();
        var api = new MeasurementApi(http);
        await api.StartAsync(OneCell);

        using var second = await api.PostAsync(OneCell);
        using var run = await new RunApi(http).PostRunAsync(SampleExperiments.PipeByteStream);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says when to come back");
        Assert.Contains("already measuring", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, run.StatusCode);
        Assert.Contains("you already have 1 runs going", await run.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>An operator sees measurements started, refused by reason, and how long they took by status (alone: meters are process-wide).</summary>
[Collection(AloneCollection.Name)]
public sealed class MeasurementMetricsTests
{
    [Fact]
    public async Task Metrics_count_measurements_started_refused_and_their_duration()
    {
        var fake = new FakeMeasureSandbox(FakeMeasureEnding.Hangs);
        await using var server = FakeMeasureServer.Start(fake, settings: FakeMeasureServer.ShortDeadline);
        using var http = server.CreateLoopbackClient();
        var api = new MeasurementApi(http);
        var id = await api.StartAsync("""{ "mechanisms": ["pipe"], "sizes": [64] }""");
        using (var refused = await api.PostAsync("{}"))
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        await api.EventsAsync(id);

        var text = await http.GetStringAsync("/metrics").DefaultTimeout();
        for (var attempt = 0; attempt < 50 && Value(text, "ipcplay_measurements_duration_seconds_count", "status=\"limit\"") is not >= 1; attempt++)
        {
            await Task.Delay(100);
            text = await http.GetStringAsync("/metrics").DefaultTimeout();
        }

        Assert.Equal(1, Value(text, "ipcplay_measurements_started_total"));
        Assert.Equal(1, Value(text, "ipcplay_measurements_refused_total", "reason=\"measurement-limit\""));
        Assert.Equal(1, Value(text, "ipcplay_measurements_duration_seconds_count", "status=\"limit\""));
        Assert.Equal(0, Value(text, "ipcplay_sandboxes_live"));
    }
}

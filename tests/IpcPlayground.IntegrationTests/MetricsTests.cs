using System.Net;
using IpcPlayground.Testing;
using static IpcPlayground.Testing.PrometheusText;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// Meters are named, and a metrics listener hears every meter of its name in the process: the servers of the other
/// tests would add to these counts. In production one server is one process; here this collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}

/// <summary>An operator scraping /metrics sees runs started and refused by reason, sandboxes, events and memory.</summary>
[Collection(AloneCollection.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_count_runs_refusals_sandboxes_events_and_retained_bytes()
    {
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?> { ["Runs:MaxConcurrentRunsPerClient"] = "1" });
        var api = new RunApi(server.CreateLoopbackClient());
        var held = await api.StartAsync(SampleExperiments.PipeByteStream, mode: "step");
        using (var refused = await api.PostRunAsync(SampleExperiments.PipeByteStream))
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using (await api.ControlAsync(held, "resume")) { }
        await api.EventsAsync(held);
        await api.RunAsync(SampleExperiments.PipeByteStream);

        using var http = server.CreateLoopbackClient();
        var text = await http.GetStringAsync("/metrics").DefaultTimeout();
        // The exporter may serve a scrape cached a moment before the second run was counted.
        for (var attempt = 0; attempt < 50 && Value(text, "ipcplay_runs_started_total", "mode=\"free\"") is not >= 1; attempt++)
        {
            await Task.Delay(100);
            text = await http.GetStringAsync("/metrics").DefaultTimeout();
        }

        Assert.Equal(1, Value(text, "ipcplay_runs_started_total", "mode=\"step\""));
        Assert.Equal(1, Value(text, "ipcplay_runs_refused_total", "reason=\"client-limit\""));
        Assert.Equal(0, Value(text, "ipcplay_sandboxes_live"));
        Assert.True(Value(text, "ipcplay_events_published_total") >= 20, "both runs' events are counted");
        Assert.Contains("ipcplay_events_publish_duration_milliseconds_bucket", text, StringComparison.Ordinal);
        Assert.Equal(2, Value(text, "ipcplay_runs_retained"));
        Assert.True(Value(text, "ipcplay_runs_retained_bytes") > 1000, "the two runs' events are held in memory");
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }
}

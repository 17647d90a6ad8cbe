using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>Share links and recorded runs outlive the server process; exports and the API document are served.</summary>
public sealed class SharingTests
{
    private static readonly string Experiment = LessonLibrary.Get("pipe-byte-stream").ExperimentJson;

    private static PlaygroundServer ServerOn(TemporaryDirectory data) =>
        PlaygroundServer.WithSettings(new Dictionary<string, string?> { ["Storage:DataDirectory"] = data.Path });

    private static async Task<JsonObject> ShareAsync(HttpClient http, string json, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await http.PostAsync("/api/experiments", new StringContent(json, Encoding.UTF8, "application/json")).DefaultTimeout();
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task A_burst_of_shares_from_one_address_is_refused_after_its_quota_with_Retry_After()
    {
        using var data = new TemporaryDirectory();
        await using var server = ServerOn(data);
        using var http = server.CreateLoopbackClient();
        for (var i = 0; i < 30; i++)
        {
            var copy = JsonNode.Parse(Experiment)!.AsObject();
            copy["name"] = $"copy {i}";
            await ShareAsync(http, copy.ToJsonString());
        }

        using var refused = await http.PostAsync("/api/experiments", new StringContent(Experiment, Encoding.UTF8, "application/json")).DefaultTimeout();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says when to come back");
        Assert.Contains("30 experiments every 10 minutes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_its_daily_bytes_an_address_can_share_no_more_with_429_naming_the_quota()
    {
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?> { ["Storage:SharedBytesPerClientPerDay"] = "3000" });
        using var http = server.CreateLoopbackClient();
        var sharedBytes = 0;
        for (var i = 0; ; i++)
        {
            var copy = JsonNode.Parse(Experiment)!.AsObject();
            copy["name"] = $"copy {i}";
            var body = copy.ToJsonString();
            using var response = await http.PostAsync("/api/experiments", new StringContent(body, Encoding.UTF8, "application/json")).DefaultTimeout();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                sharedBytes += Encoding.UTF8.GetByteCount(body);
                continue;
            }
            // Refused exactly when this one would take the address past its 3000 bytes of the day.
            Assert.InRange(sharedBytes, 1, 3000);
            Assert.True(sharedBytes + Encoding.UTF8.GetByteCount(body) > 3000, $"refused at {sharedBytes} bytes");
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.InRange(response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
            Assert.Contains("Storage:SharedBytesPerClientPerDay", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // What is stored already can still be shared: its link comes back, and nothing is added.
            var first = JsonNode.Parse(Experiment)!.AsObject();
            first["name"] = "copy 0";
            using var again = await http.PostAsync("/api/experiments", new StringContent(first.ToJsonString(), Encoding.UTF8, "application/json")).DefaultTimeout();
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            break;
        }
    }

    [Fact]
    public async Task A_shared_experiment_survives_a_restart_and_comes_back_byte_identical()
    {
        using var data = new TemporaryDirectory();
        // Odd spacing and key order on purpose: the link must give back these bytes, not a re-serialisation.
        var posted = Experiment.Replace("\"format\": 1", "\"format\":    1", StringComparison.Ordinal) + "\n";
        string id;
        await using (var first = ServerOn(data))
        {
            var shared = await ShareAsync(first.CreateLoopbackClient(), posted);
            id = shared["id"]!.GetValue<string>();
            Assert.Equal($"/e/{id}", shared["url"]!.GetValue<string>());
        }
        await using var second = ServerOn(data);
        using var http = second.CreateLoopbackClient();

        var stored = await http.GetByteArrayAsync($"/api/experiments/{id}").DefaultTimeout();
        var again = await ShareAsync(http, posted);

        Assert.Equal(Encoding.UTF8.GetBytes(posted), stored);
        Assert.Equal(id, again["id"]!.GetValue<string>());
        Assert.NotEqual(id, (await ShareAsync(http, Experiment))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_PostgreSQL_configured_links_and_recorded_runs_survive_a_restart_too()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = postgres.ConnectionString };
        string id, runId, live;
        await using (var first = PlaygroundServer.WithSettings(settings))
        {
            using var http = first.CreateLoopbackClient();
            id = (await ShareAsync(http, Experiment))["id"]!.GetValue<string>();
            runId = await new RunApi(http).StartAsync(Experiment);
            live = await http.GetStringAsync($"/api/runs/{runId}/events").DefaultTimeout();
        }
        await using var second = PlaygroundServer.WithSettings(settings);
        using var again = second.CreateLoopbackClient();

        Assert.Equal(Experiment, await again.GetStringAsync($"/api/experiments/{id}").DefaultTimeout());
        Assert.Equal(live, await again.GetStringAsync($"/api/runs/{runId}/events").DefaultTimeout());
    }

    [Fact]
    public async Task Bad_ids_get_404_bad_experiments_400_and_oversize_bodies_413()
    {
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?>());
        using var http = server.CreateLoopbackClient();

        using var unknown = await http.GetAsync("/api/experiments/nosuchid").DefaultTimeout();
        using var unknownRun = await http.GetAsync("/api/runs/nosuchrun/events").DefaultTimeout();
        using var unknownTrace = await http.GetAsync("/api/runs/nosuchrun/trace.json").DefaultTimeout();
        using var invalid = await http.PostAsync("/api/experiments", new StringContent("""{ "format": 2 }""", Encoding.UTF8, "application/json")).DefaultTimeout();
        using var huge = await http.PostAsync("/api/experiments",
            new StringContent(Experiment.Replace("\"name\":", $"\"description\": \"{new string('x', 2 << 20)}\", \"name\":", StringComparison.Ordinal), Encoding.UTF8, "application/json")).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no experiment 'nosuchid'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownRun.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownTrace.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("format 2 is not supported", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task A_recorded_run_replays_after_a_restart_exactly_as_it_streamed_live()
    {
        using var data = new TemporaryDirectory();
        string runId, live;
        await using (var first = ServerOn(data))
        {
            using var http = first.CreateLoopbackClient();
            runId = await new RunApi(http).StartAsync(Experiment);
            live = await http.GetStringAsync($"/api/runs/{runId}/events").DefaultTimeout();
        }
        await using var second = ServerOn(data);
        using var replayHttp = second.CreateLoopbackClient();

        var replayed = await replayHttp.GetStringAsync($"/api/runs/{runId}/events").DefaultTimeout();
        var summary = await new RunApi(replayHttp).SummaryAsync(runId);

        Assert.EndsWith("\n", live, StringComparison.Ordinal);
        Assert.Equal(live, replayed);
        Assert.Equal("completed", summary.Str("status"));
        Assert.Equal(live.Count(c => c == '\n'), summary["eventCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_finished_run_exports_as_json_and_as_a_trace_with_one_track_per_process()
    {
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?>());
        using var http = server.CreateLoopbackClient();
        var api = new RunApi(http);
        var runId = await api.StartAsync(Experiment);
        var events = await api.EventsAsync(runId);

        var exported = JsonNode.Parse(await http.GetStringAsync($"/api/runs/{runId}/export.json").DefaultTimeout())!.AsArray();
        var trace = JsonNode.Parse(await http.GetStringAsync($"/api/runs/{runId}/trace.json").DefaultTimeout())!.AsObject();

        Assert.Equal(events.Select(e => e.ToJsonString()), exported.Select(e => e!.ToJsonString()));
        var traceEvents = trace["traceEvents"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var tracks = traceEvents.Where(e => e.Str("ph") == "M" && e.Str("name") == "process_name")
            .ToDictionary(e => e["pid"]!.GetValue<int>(), e => e["args"]!["name"]!.GetValue<string>());
        var processes = events.Where(e => e.Kind() == "process-start").ToDictionary(e => e["pid"]!.GetValue<int>(), e => e.Str("process"));
        Assert.All(processes, p => Assert.Equal(p.Value, tracks[p.Key]));
        Assert.Equal(processes.Count + 1, tracks.Count);
        var slices = traceEvents.Where(e => e.Str("ph") == "X").ToList();
        Assert.Equal(events.Count(e => e.Kind() == "syscall"), slices.Count);
        Assert.All(slices, s => Assert.Contains(s["pid"]!.GetValue<int>(), processes.Keys));
        Assert.Contains(slices, s => s.Str("name") == "read p" && s["args"]!["data"]!.GetValue<string>() == "helloworld");
    }

    [Fact]
    public async Task A_shared_experiment_downloads_as_C_that_names_its_steps()
    {
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?>());
        using var http = server.CreateLoopbackClient();
        var id = (await ShareAsync(http, Experiment))["id"]!.GetValue<string>();

        using var response = await http.GetAsync($"/api/experiments/{id}/export.c").DefaultTimeout();
        var source = await response.Content.ReadAsStringAsync();
        using var unknown = await http.GetAsync("/api/experiments/nosuchid/export.c").DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/x-csrc", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("int main(", source, StringComparison.Ordinal);
        Assert.Contains("processes[1].steps[1]", source, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_server_serves_an_OpenAPI_document_of_its_REST_API()
    {
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?>());
        using var http = server.CreateLoopbackClient();

        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json").DefaultTimeout())!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/runs", paths);
        Assert.Contains("/api/runs/{runId}/events", paths);
        Assert.Contains("/api/runs/{runId}/step", paths);
        Assert.Contains("/api/experiments", paths);
        Assert.Contains("/api/experiments/{id}", paths);
        Assert.Contains("/api/runs/{runId}/trace.json", paths);
        Assert.Contains("/api/workshops", paths);
        Assert.Contains("/api/workshops/join", paths);
        Assert.Contains("/api/workshops/{workshopId}/runs", paths);
    }
}

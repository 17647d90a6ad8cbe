using System.Net;
using IpcPlayground.Testing;
using Xunit.Abstractions;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// Runs as large as a run may be cannot grow the server without bound: what finished runs keep in memory has a
/// budget (older ones are served from the store), and what one address may have recorded has a quota.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class MemoryBudgetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Twenty_runs_at_the_event_bytes_limit_from_one_address_keep_the_server_under_700_MB()
    {
        // Every default but the recording quota, which would refuse the last runs of the twenty (another test shows it).
        using var server = await ServerProcess.StartAsync(new Dictionary<string, string?> { ["Storage:RecordedBytesPerClientPerDay"] = "0" });
        var api = new RunApi(server.Http);
        var before = server.Memory();

        // Four at a time: the most one address may run at once.
        var all = new List<string>();
        for (var batch = 0; batch < 5; batch++)
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.StartAsync(SampleExperiments.LargeOutput)));
            foreach (var runId in runs)
            {
                var status = await WaitForEndAsync(api, runId);
                if (status != "limit") Assert.Fail($"run {runId} ended {status}, not at its limit; the server said:\n{string.Join("\n", server.LogLinesWith(runId))}\nits last events:\n{await TailAsync(api, runId)}");
            }
            all.AddRange(runs);
        }
        var after = server.Memory();
        output.WriteLine($"server RSS: {before.Rss >> 20} MB at start, {after.Rss >> 20} MB after twenty runs, {after.Peak >> 20} MB at peak");
        if (after.Rss > 700L << 20)
        {
            // Whether it is events held (retained bytes, the heap after the last collection) or memory the GC has not
            // given back yet (committed): the next sighting says which.
            var metrics = await server.Http.GetStringAsync("/metrics");
            var memory = metrics.Split('\n').Where(l => !l.StartsWith('#') && (l.Contains("dotnet_gc", StringComparison.Ordinal) || l.Contains("retained", StringComparison.Ordinal)));
            Assert.Fail($"the server's RSS is {after.Rss >> 20} MB after twenty runs (peak {after.Peak >> 20} MB), over 700 MB; its memory metrics:\n{string.Join("\n", memory)}");
        }

        // The first run was let go from memory, and is still replayed from the store (compressed there) in full.
        var first = await api.EventsAsync(all[0]);
        Assert.Equal("limit", first[^1].Str("status"));
        Assert.Equal(first.Count, (await api.SummaryAsync(all[0]))["eventCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_address_past_its_daily_recording_quota_gets_429_naming_it_until_a_day_has_passed()
    {
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?> { ["Storage:RecordedBytesPerClientPerDay"] = "4000000" });
        var api = new RunApi(server.CreateLoopbackClient());
        Assert.Equal("limit", (await api.RunAsync(SampleExperiments.LargeOutput))[^1].Str("status"));

        using var refused = await api.PostRunAsync(SampleExperiments.PipeByteStream);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Storage:RecordedBytesPerClientPerDay", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
    }

    /// <summary>The run's last events, without the bytes they carry, to say where a run that missed its limit stood.</summary>
    private static async Task<string> TailAsync(RunApi api, string runId)
    {
        var events = await api.EventsAsync(runId);
        // Whether the events still carried the bytes their calls moved (the budget counts the lines they came in).
        var carried = events.Sum(e => (long)(e.Str("data")?.Length ?? 0) + (e.Str("dataBase64")?.Length ?? 0) * 3 / 4);
        var moved = events.Where(e => e.Is("syscall") && e.Str("op") == "read").Sum(e => e.Long("result"));
        return $"{events.Count} events carrying {carried} bytes of data; the reads returned {moved} bytes\n" + string.Join("\n", events.TakeLast(12).Select(e =>
        {
            e.Remove("data");
            e.Remove("dataBase64");
            return e.ToJsonString();
        }));
    }

    private static async Task<string> WaitForEndAsync(RunApi api, string runId)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = (await api.SummaryAsync(runId))["status"]!.GetValue<string>();
            if (status != "running") return status;
            await Task.Delay(100);
        }
        throw new TimeoutException($"run {runId} did not end in a minute");
    }
}

using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>A finished run leaves nothing behind: no process, no System V object, no sandbox.</summary>
[Collection(ServerCollection.Name)]
public sealed class CleanupTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    [Fact]
    public async Task No_process_of_a_completed_run_survives_it()
    {
        var sysvBefore = HostState.SysvObjects();
        var runId = await _api.StartAsync(SampleExperiments.PipeByteStream);
        await _api.EventsAsync(runId);

        await HostState.WaitUntilGone(runId);
        Assert.Empty(HostState.ProcessesOf(runId));
        Assert.Equal(sysvBefore, HostState.SysvObjects());
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_run_leaves_nothing_behind_once_the_run_ends()
    {
        using var http = server.CreateLoopbackClient();
        var runId = await _api.StartAsync(SampleExperiments.BlockedRead);
        using (var cancel = new CancellationTokenSource())
        {
            using var response = await http.GetAsync($"/api/runs/{runId}/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            using var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
            await stream.ReadExactlyAsync(new byte[1], cancel.Token);
            await cancel.CancelAsync();
        }
        for (var i = 0; i < 100 && (await _api.SummaryAsync(runId))["status"]!.GetValue<string>() == "running"; i++) await Task.Delay(50);

        Assert.Equal("completed", (await _api.SummaryAsync(runId))["status"]!.GetValue<string>());
        await HostState.WaitUntilGone(runId);
        Assert.Empty(HostState.ProcessesOf(runId));
    }

    [Theory]
    // The parent sleeps through the timeout (a sleep ends by itself: no deadlock), or both read a pipe nobody writes.
    [InlineData("""{ "op": "sleep", "ms": 20000 }""", "timeout")]
    [InlineData("""{ "op": "read", "object": "p", "bytes": 1 }""", "deadlock")]
    public async Task No_process_of_a_run_stopped_at_its_timeout_or_its_deadlock_survives_it(string parentWaits, string status)
    {
        var runId = await _api.StartAsync($$"""
            { "format": 1, "limits": { "timeoutMs": 600 }, "objects": [ { "id": "p", "type": "pipe" } ],
              "processes": [
                { "id": "parent", "steps": [ { "op": "spawn", "process": "child" }, {{parentWaits}} ] },
                { "id": "child", "parent": "parent", "steps": [ { "op": "read", "object": "p", "bytes": 1 } ] } ] }
            """);
        var events = await _api.EventsAsync(runId);

        Assert.Equal(status, events[^1].Str("status"));
        await HostState.WaitUntilGone(runId);
        Assert.Empty(HostState.ProcessesOf(runId));
    }
}

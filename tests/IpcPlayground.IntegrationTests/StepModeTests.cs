using System.Net;
using System.Text.Json.Nodes;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>Step mode: real processes held between steps, let go one step at a time by the person (here, the test).</summary>
[Collection(ServerCollection.Name)]
public sealed class StepModeTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    private const string Race = """
        { "format": 1, "objects": [ { "id": "counter", "type": "posix-shm" } ],
          "processes": [
            { "id": "a", "steps": [ { "op": "increment", "object": "counter", "offset": 0, "times": 1 } ] },
            { "id": "b", "steps": [ { "op": "increment", "object": "counter", "offset": 0, "times": 1 } ] } ] }
        """;

    private const string Locked = """
        { "format": 1, "objects": [ { "id": "counter", "type": "posix-shm" }, { "id": "lock", "type": "sysv-sem" } ],
          "processes": [
            { "id": "a", "steps": [ { "op": "semWait", "object": "lock" }, { "op": "increment", "object": "counter", "offset": 0, "times": 1 },
                                    { "op": "semPost", "object": "lock" } ] },
            { "id": "b", "steps": [ { "op": "semWait", "object": "lock" }, { "op": "increment", "object": "counter", "offset": 0, "times": 1 },
                                    { "op": "semPost", "object": "lock" } ] } ] }
        """;

    private static Func<JsonObject, bool> Paused(string process, string op, string? phase = null) =>
        e => e.Is("paused", process, op) && e.Str("phase") == phase;

    private static Func<JsonObject, bool> Returned(string process, string op) => e => e.Is("syscall", process, op);

    private async Task StepAndWait(LiveEvents live, string process, Func<JsonObject, bool> next)
    {
        var seen = live.Events.Count;
        Assert.Equal(HttpStatusCode.Accepted, await _api.StepAsync(live.RunId, process));
        await live.WaitForAsync(next, seen);
    }

    [Fact]
    public async Task Interleaving_two_increments_between_load_and_store_loses_an_update()
    {
        var runId = await _api.StartAsync(Race, mode: "step");
        await using var live = _api.Follow(runId);
        await live.WaitForAsync(Paused("a", "increment"));
        await live.WaitForAsync(Paused("b", "increment"));

        await StepAndWait(live, "a", Paused("a", "increment", phase: "store"));
        await StepAndWait(live, "b", Paused("b", "increment", phase: "store"));
        await StepAndWait(live, "a", Returned("a", "increment"));
        await StepAndWait(live, "b", Returned("b", "increment"));
        var events = await live.CompletionAsync();

        Assert.Equal(1, events.Single("syscall", "a", "increment")["value"]!.GetValue<int>());
        Assert.Equal(1, events.Single("syscall", "b", "increment")["value"]!.GetValue<int>());
        Assert.Equal("completed", events[^1].Str("status"));
        Assert.Equal("step", (await _api.SummaryAsync(runId)).Str("mode"));
    }

    [Fact]
    public async Task With_a_semaphore_the_second_process_really_blocks_and_the_count_is_right()
    {
        var runId = await _api.StartAsync(Locked, mode: "step");
        await using var live = _api.Follow(runId);
        await live.WaitForAsync(Paused("a", "semWait"));
        await live.WaitForAsync(Paused("b", "semWait"));

        await StepAndWait(live, "a", Paused("a", "increment"));
        await StepAndWait(live, "b", e => e.Is("blocked", "b", "semWait"));
        Assert.Equal(HttpStatusCode.Conflict, await _api.StepAsync(runId, "b"));
        await StepAndWait(live, "a", Paused("a", "increment", phase: "store"));
        await StepAndWait(live, "a", Paused("a", "semPost"));
        await StepAndWait(live, "a", Paused("b", "increment"));
        using (var resumed = await _api.ControlAsync(runId, "resume"))
            Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
        var events = await live.CompletionAsync();

        Assert.True(events.IndexOf("syscall", "a", "semPost") < events.IndexOf("syscall", "b", "semWait"));
        Assert.Equal(2, events.Single("syscall", "b", "increment")["value"]!.GetValue<int>());
        Assert.Equal("completed", events[^1].Str("status"));
    }

    [Fact]
    public async Task Stopping_a_held_run_kills_it_and_leaves_nothing()
    {
        var runId = await _api.StartAsync(Race, mode: "step");
        await using var live = _api.Follow(runId);
        await live.WaitForAsync(Paused("a", "increment"));

        using (var stopped = await _api.ControlAsync(runId, "stop"))
            Assert.Equal(HttpStatusCode.Accepted, stopped.StatusCode);
        var events = await live.CompletionAsync();

        Assert.Equal("killed", events[^1].Str("status"));
        Assert.DoesNotContain(events, e => e.Kind() == "syscall");
        await HostState.WaitUntilGone(runId);
        Assert.Empty(HostState.ProcessesOf(runId));
        Assert.Equal(HttpStatusCode.Conflict, await _api.StepAsync(runId, "a"));
    }

    [Fact]
    public async Task Step_commands_name_what_is_wrong()
    {
        using var badMode = await _api.PostRunAsync(Race, mode: "slow");
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        Assert.Contains("mode 'slow' is not one of free, step", await badMode.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, await _api.StepAsync("nosuchrun", "a"));

        var free = await _api.StartAsync(Race);
        var stepFree = await _api.StepAsync(free, "a");
        await _api.EventsAsync(free);
        Assert.Equal(HttpStatusCode.Conflict, stepFree);
    }
}

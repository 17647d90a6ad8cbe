using System.Net;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>The contract's example, run for real: a pipe between parent and child in a bubblewrap sandbox.</summary>
[Collection(ServerCollection.Name)]
public sealed class PipeRunTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    [Fact]
    public async Task Two_writes_reach_the_child_as_one_ten_byte_read()
    {
        var events = await _api.RunAsync(SampleExperiments.PipeByteStream);

        var read = events.Single("syscall", "child", "read");
        Assert.Equal("helloworld", read.Str("data"));
        Assert.Equal(10, read.Long("result"));
        Assert.True(read.ContainsKey("errno") && read["errno"] is null, "a successful call carries \"errno\": null");
        Assert.Equal("completed", events[^1].Str("status"));
    }

    [Fact]
    public async Task Events_arrive_numbered_and_in_causal_order()
    {
        var events = await _api.RunAsync(SampleExperiments.PipeByteStream);

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Long("seq")));
        Assert.Equal("run-start", events[0].Kind());
        Assert.Equal("run-end", events[^1].Kind());
        var tNs = events.Select(e => e.Long("tNs")).ToList();
        Assert.Equal(tNs.Order(), tNs);

        var spawn = events.IndexOf("syscall", "parent", "spawn");
        var childStart = events.IndexOf("process-start", "child");
        var writes = events.Select((e, i) => (e, i)).Where(x => x.e.Is("syscall", "parent", "write")).Select(x => x.i).ToList();
        var close = events.IndexOf("syscall", "parent", "close");
        var read = events.IndexOf("syscall", "child", "read");
        var childExit = events.IndexOf("process-exit", "child");
        var wait = events.IndexOf("syscall", "parent", "wait");
        var parentExit = events.IndexOf("process-exit", "parent");

        Assert.True(spawn < childStart, "the child starts after the parent's spawn returned");
        Assert.Equal(2, writes.Count);
        Assert.True(writes[1] < read, "both writes precede the read that returned their bytes");
        Assert.True(writes[1] < close);
        Assert.True(read < childExit, "the child exits after its read");
        Assert.True(childExit < wait, "wait returns after the child exited");
        Assert.True(wait < parentExit);
        Assert.Equal(0, events[wait]["exitCode"]!.GetValue<int>());
        Assert.Equal("child", events[wait].Str("target"));
    }

    [Fact]
    public async Task A_reader_started_before_any_writer_is_reported_blocked_in_read_then_completes()
    {
        var events = await _api.RunAsync(SampleExperiments.BlockedRead);

        var blocked = events.IndexOf("blocked", "reader", "read");
        var write = events.IndexOf("syscall", "parent", "write");
        var read = events.IndexOf("syscall", "reader", "read");
        Assert.True(blocked < write, "the reader is blocked before the parent writes");
        Assert.True(write < read, "the read returns only after the write");
        Assert.Equal("p", events[blocked].Str("object"));
        Assert.Equal("read", events[blocked].Str("call"));
        Assert.Equal("wake up", events[read].Str("data"));
        Assert.True(events[read].Long("durationNs") >= 250_000_000, "the read slept through most of the parent's 1 s sleep");
        Assert.Equal("completed", events[^1].Str("status"));
    }

    [Fact]
    public async Task Events_asked_for_after_the_run_are_replayed_identically()
    {
        var runId = await _api.StartAsync(SampleExperiments.PipeByteStream);
        var live = await _api.EventsAsync(runId);
        var replay = await _api.EventsAsync(runId);

        Assert.Equal(live.Select(e => e.ToJsonString()), replay.Select(e => e.ToJsonString()));
        var summary = await _api.SummaryAsync(runId);
        Assert.Equal("completed", summary["status"]!.GetValue<string>());
        Assert.Equal(live.Count, summary["eventCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_processes_each_reading_what_the_other_never_writes_end_at_once_as_a_deadlock_naming_both_waits()
    {
        var events = await _api.RunAsync(SampleExperiments.PipeDeadlock);

        var end = events[^1];
        Assert.Equal("deadlock", end.Str("status"));
        // Named as soon as both are seen asleep and nothing moves, not at the experiment's 2500 ms timeout.
        Assert.InRange(end.Long("tNs"), 0, 2_000_000_000);
        var waits = end["waits"]!.AsArray().Select(w => (w!["process"]!.GetValue<string>(), w["call"]!.GetValue<string>(), w["object"]!.GetValue<string>())).Order().ToList();
        Assert.Equal([("child", "read", "to-child"), ("parent", "read", "to-parent")], waits);
        Assert.Contains("parent in read(to-parent)", end.Str("message"), StringComparison.Ordinal);
        Assert.All(new[] { "parent", "child" }, p => Assert.Contains(events, e => e.Is("process-exit", p) && e.Str("signal") == "SIGKILL"));
    }

    [Fact]
    public async Task A_process_blocked_while_another_sleeps_is_no_deadlock()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "objects": [ { "id": "p", "type": "pipe" } ],
              "processes": [
                { "id": "parent", "steps": [ { "op": "spawn", "process": "child" }, { "op": "read", "object": "p", "bytes": 1 } ] },
                { "id": "child", "parent": "parent", "steps": [ { "op": "sleep", "ms": 600 }, { "op": "write", "object": "p", "data": "x" } ] } ] }
            """);
        Assert.Contains(events, e => e.Is("blocked", "parent"));
        Assert.Equal("completed", events[^1].Str("status"));
    }

    [Fact]
    public async Task A_run_that_outlives_its_timeout_ends_with_status_timeout()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "name": "sleeps too long", "limits": { "timeoutMs": 300 },
              "processes": [ { "id": "sleeper", "steps": [ { "op": "sleep", "ms": 20000 } ] } ] }
            """);

        Assert.Equal("timeout", events[^1].Str("status"));
        Assert.Contains(events, e => e.Is("process-exit", "sleeper") && e.Str("signal") == "SIGKILL");
    }

    [Fact]
    public async Task An_unknown_run_is_404()
    {
        using var http = server.CreateLoopbackClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/runs/nosuchrun")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/runs/nosuchrun/events")).StatusCode);
    }
}

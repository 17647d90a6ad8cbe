using System.Net;
using System.Text;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>Experiments that try to hurt the host, the server or another run are contained, and the server serves on.</summary>
[Collection(ServerCollection.Name)]
public sealed class HostileTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    private async Task AStraightforwardRunStillWorks()
    {
        var events = await _api.RunAsync(LessonLibrary.Get("pipe-byte-stream").ExperimentJson);
        Assert.Equal("completed", events[^1].Str("status"));
    }

    [Fact]
    public async Task Run_start_reports_the_limits_that_are_enforced()
    {
        var events = await _api.RunAsync(LessonLibrary.Get("pipe-byte-stream").ExperimentJson);
        var enforced = events[0]["enforced"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("namespace:ipc", enforced);
        Assert.Contains(enforced, e => e.StartsWith("cgroup:pids.max=", StringComparison.Ordinal));
        Assert.Contains(enforced, e => e.StartsWith("cgroup:memory=", StringComparison.Ordinal));
        Assert.Contains(enforced, e => e.StartsWith("rlimit:cpu=", StringComparison.Ordinal));
        Assert.Contains(enforced, e => e.StartsWith("cgroup:cpu=100%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_is_bounded_to_one_CPU_by_a_CFS_quota_on_its_cgroup()
    {
        var runId = await _api.StartAsync(LessonLibrary.Get("pipe-byte-stream").ExperimentJson, mode: "step");
        try
        {
            // Once a process is held, the run's cgroup is there to read (the sandbox starts after the 202); this
            // host's hierarchy is cgroup v1.
            await using (var live = _api.Follow(runId))
                await live.WaitForAsync(e => e.Kind() == "paused");
            var dir = Path.Combine("/sys/fs/cgroup/cpu/ipcplay", IpcPlayground.Sandbox.RunCgroup.NameOf(runId));
            Assert.Equal("100000", File.ReadAllText(Path.Combine(dir, "cpu.cfs_period_us")).Trim());
            Assert.Equal("100000", File.ReadAllText(Path.Combine(dir, "cpu.cfs_quota_us")).Trim());
        }
        finally
        {
            using (await _api.ControlAsync(runId, "stop")) { }
            await _api.EventsAsync(runId);
        }
    }

    [Fact]
    public async Task The_processes_of_a_run_are_the_unprivileged_host_user_that_run_start_names()
    {
        var runId = await _api.StartAsync("""
            { "format": 1, "processes": [ { "id": "idle", "steps": [ { "op": "sleep", "ms": 600 } ] } ] }
            """);
        for (var i = 0; i < 100 && HostState.ProcessesOf(runId).Count < 2; i++) await Task.Delay(20);
        var uids = HostState.ProcessesOf(runId).Select(HostState.RealUid).ToList();
        var events = await _api.EventsAsync(runId);

        var hostUser = events[0]["enforced"]!.AsArray().Select(n => n!.GetValue<string>()).Single(e => e.StartsWith("host-user:", StringComparison.Ordinal));
        Assert.NotEmpty(uids);
        if (hostUser.StartsWith("host-user:uid=", StringComparison.Ordinal))
        {
            // A root server lends each run a uid of its own from the pool (not nobody, which every run would share).
            var uid = int.Parse(hostUser["host-user:uid=".Length..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(uid, new IpcPlayground.Sandbox.SandboxOptions().HostUidPoolStart, int.MaxValue);
            Assert.All(uids, u => Assert.Equal(uid, u));
        }
        else Assert.StartsWith("host-user:root (", hostUser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spawn_in_a_repeat_fork_bomb_is_refused_before_it_runs()
    {
        using var response = await _api.PostRunAsync("""
            { "format": 1, "processes": [
                { "id": "bomb", "steps": [ { "op": "repeat", "times": 100000, "steps": [ { "op": "spawn", "process": "child" } ] } ] },
                { "id": "child", "parent": "bomb", "steps": [] } ] }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("processes[0].steps[0].steps[0].process", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_CPU_spin_is_stopped_at_the_timeout()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "limits": { "timeoutMs": 500 }, "objects": [ { "id": "m", "type": "posix-shm" } ],
              "processes": [ { "id": "spin", "steps": [ { "op": "repeat", "times": 1000000, "steps": [
                { "op": "increment", "object": "m", "offset": 0, "times": 100000000 } ] } ] } ] }
            """);
        Assert.Equal("timeout", events[^1].Str("status"));
        await AStraightforwardRunStillWorks();
    }

    [Fact]
    public async Task A_flood_of_events_is_stopped_with_a_limit_event()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "limits": { "timeoutMs": 20000 }, "objects": [ { "id": "p", "type": "pipe" } ],
              "processes": [ { "id": "flood", "steps": [ { "op": "repeat", "times": 1000000, "steps": [
                { "op": "write", "object": "p", "data": "x" }, { "op": "read", "object": "p", "bytes": 1 } ] } ] } ] }
            """);
        Assert.Equal("limit", events[^1].Str("status"));
        var limit = events.Single(e => e.Kind() == "limit");
        Assert.StartsWith("events", limit.Str("limit"), StringComparison.Ordinal);
        await AStraightforwardRunStillWorks();
    }

    [Fact]
    public async Task A_connection_to_the_host_from_inside_the_sandbox_is_refused()
    {
        // The test server listens on this port on the host's loopback; the sandbox has a loopback of its own.
        var port = server.BaseAddress.Port;
        var events = await _api.RunAsync($$"""
            { "format": 1, "objects": [ { "id": "host", "type": "tcp", "port": {{port}} } ],
              "processes": [ { "id": "escape", "steps": [ { "op": "open", "object": "host", "mode": "read-write" } ] } ] }
            """);
        Assert.Equal("ECONNREFUSED", events.Single("syscall", "escape", "open").Str("errno"));
    }

    [Theory]
    [InlineData("/sandbox/../../etc/passwd")]
    [InlineData("/etc/shadow")]
    [InlineData("/proc/1/root/etc")]
    public async Task Paths_outside_the_sandbox_are_refused(string path)
    {
        foreach (var body in new[]
        {
            $$"""{ "format": 1, "objects": [ { "id": "f", "type": "fifo", "path": "{{path}}" } ], "processes": [ { "id": "a", "steps": [] } ] }""",
            $$"""{ "format": 1, "objects": [ { "id": "u", "type": "unix-stream", "path": "{{path}}" } ], "processes": [ { "id": "a", "steps": [] } ] }""",
            $$"""{ "format": 1, "objects": [ { "id": "q", "type": "sysv-msgq", "key": { "ftok": { "path": "{{path}}", "proj": 1 } } } ], "processes": [ { "id": "a", "steps": [] } ] }""",
        })
        {
            using var response = await _api.PostRunAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_signal_to_a_process_outside_the_run_is_refused()
    {
        using var response = await _api.PostRunAsync("""
            { "format": 1, "processes": [ { "id": "a", "steps": [ { "op": "signal", "process": "init", "signal": "SIGKILL" } ] } ] }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unknown process 'init'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_runs_with_the_same_ftok_key_do_not_see_each_others_queues()
    {
        const string objects = """ "objects": [ { "id": "q", "type": "sysv-msgq", "key": { "ftok": { "path": "/sandbox/k", "proj": 7 } } } ] """;
        var sender = _api.StartAsync($$"""
            { "format": 1, {{objects}}, "processes": [ { "id": "a", "steps": [ { "op": "send", "object": "q", "data": "secret" }, { "op": "sleep", "ms": 800 } ] } ] }
            """);
        await Task.Delay(300);
        var receiver = await _api.RunAsync($$"""
            { "format": 1, {{objects}}, "processes": [ { "id": "b", "steps": [ { "op": "receive", "object": "q", "nowait": true } ] } ] }
            """);
        Assert.Equal("ENOMSG", receiver.Single("syscall", "b", "receive").Str("errno"));
        await _api.EventsAsync(await sender);
    }

    [Fact]
    public async Task Too_many_runs_from_one_client_get_429_with_Retry_After()
    {
        const string slow = """{ "format": 1, "limits": { "timeoutMs": 3000 }, "processes": [ { "id": "a", "steps": [ { "op": "sleep", "ms": 1500 } ] } ] }""";
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++) responses.Add(await _api.PostRunAsync(slow));
        try
        {
            var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.NotEmpty(refused);
            Assert.NotNull(refused[0].Headers.RetryAfter);
            Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            foreach (var accepted in responses.Where(r => r.StatusCode == HttpStatusCode.Accepted))
                await _api.EventsAsync(System.Text.Json.Nodes.JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!["runId"]!.GetValue<string>());
            responses.ForEach(r => r.Dispose());
        }
        await AStraightforwardRunStillWorks();
    }

    [Fact]
    public async Task A_thousand_random_and_truncated_bodies_get_400_never_500()
    {
        // Some mutations stay valid and start runs: a server of its own lets them end fast and never fill up.
        await using var fuzzed = PlaygroundServer.WithSettings(new Dictionary<string, string?>
        {
            ["Runs:MaxTimeoutMs"] = "200", ["Runs:MaxConcurrentRuns"] = "1000", ["Runs:MaxConcurrentRunsPerClient"] = "1000",
            ["Sandbox:HostUidPoolSize"] = "2048",
        });
        var api = new RunApi(fuzzed.CreateLoopbackClient());
        var started = new List<string>();
        var random = new Random(20261125);
        var samples = LessonLibrary.All.Select(l => l.ExperimentJson).ToList();
        using var http = fuzzed.CreateLoopbackClient();
        for (var i = 0; i < 1000; i++)
        {
            string body = (i % 3) switch
            {
                0 => samples[random.Next(samples.Count)] is var s ? s[..random.Next(s.Length)] : "",
                1 => Encoding.Latin1.GetString(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (byte)random.Next(256)).ToArray()),
                _ => Mutate(samples[random.Next(samples.Count)], random),
            };
            using var response = await http.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Accepted,
                $"body #{i} got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}");
            if (response.StatusCode == HttpStatusCode.Accepted)
                started.Add(System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["runId"]!.GetValue<string>());
        }
        foreach (var runId in started) await api.EventsAsync(runId);
        Assert.Empty(fuzzed.LoggedErrors);
    }

    [Fact]
    public async Task A_shared_memory_segment_larger_than_the_server_allows_is_refused_by_name()
    {
        using var response = await _api.PostRunAsync("""
            { "format": 1, "objects": [ { "id": "big", "type": "sysv-shm", "size": 1073741824 } ],
              "processes": [ { "id": "a", "steps": [ { "op": "store", "object": "big", "offset": 0, "size": 1073741824 } ] } ] }
            """);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("objects[0].size", problem, StringComparison.Ordinal);
        Assert.Contains("size is from 1 to 67108864", problem, StringComparison.Ordinal);
        Assert.Contains("processes[0].steps[0].size", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filling_a_segment_larger_than_the_memory_limit_ends_the_run_with_a_memory_limit()
    {
        // A server whose caps let a segment exceed the run's memory: the cgroup, not the validator, must stop it.
        await using var small = PlaygroundServer.WithSettings(new Dictionary<string, string?>
        {
            ["Sandbox:MemoryBytes"] = (64 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Experiments:MaxShmBytes"] = (256 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var api = new RunApi(small.CreateLoopbackClient());
        var events = await api.RunAsync("""
            { "format": 1, "limits": { "timeoutMs": 20000 }, "objects": [ { "id": "big", "type": "sysv-shm", "size": 201326592 } ],
              "processes": [ { "id": "filler", "steps": [ { "op": "store", "object": "big", "offset": 0, "size": 201326592 } ] } ] }
            """);

        Assert.Equal("limit", events[^1].Str("status"));
        Assert.Equal("memory", events.First(e => e.Kind() == "limit").Str("limit"));
        Assert.DoesNotContain(events, e => e.Kind() == "syscall" && e.Str("op") == "store");
        var exit = events.Single(e => e.Kind() == "process-exit" && e.Str("process") == "filler");
        Assert.Equal("SIGKILL", exit.Str("signal"));
        var normal = await api.RunAsync(LessonLibrary.Get("pipe-byte-stream").ExperimentJson);
        Assert.Equal("completed", normal[^1].Str("status"));
    }

    [Fact]
    public async Task Every_process_of_a_run_is_under_the_seccomp_filter_and_all_IPC_still_works()
    {
        var runId = await _api.StartAsync("""
            { "format": 1, "objects": [ { "id": "p", "type": "pipe" } ],
              "processes": [
                { "id": "parent", "steps": [ { "op": "spawn", "process": "child" }, { "op": "sleep", "ms": 400 },
                                             { "op": "write", "object": "p", "data": "through" }, { "op": "wait", "process": "child" } ] },
                { "id": "child", "parent": "parent", "steps": [ { "op": "read", "object": "p", "bytes": 7 } ] } ] }
            """);
        var workers = new List<int>();
        for (var i = 0; i < 100 && workers.Count < 2; i++)
        {
            await Task.Delay(20);
            workers = HostState.ProcessesOf(runId).Where(pid => HostState.CommandLine(pid).Contains(" work ", StringComparison.Ordinal)).ToList();
        }
        var filters = workers.Select(pid => (Seccomp: HostState.StatusField(pid, "Seccomp"), NoNewPrivs: HostState.StatusField(pid, "NoNewPrivs"))).ToList();
        var events = await _api.EventsAsync(runId);

        Assert.Equal(2, workers.Count);
        Assert.All(filters, f => Assert.Equal(("2", "1"), f));
        Assert.Contains(events[0]["enforced"]!.AsArray(), e => e!.GetValue<string>().StartsWith("seccomp:deny-list(", StringComparison.Ordinal));
        Assert.Equal("through", events.Single(e => e.Kind() == "syscall" && e.Str("op") == "read").Str("data"));
        Assert.Equal("completed", events[^1].Str("status"));
    }

    /// <summary>Replaces one token of a valid experiment with something of another JSON type.</summary>
    private static string Mutate(string json, Random random)
    {
        string[] replacements = ["null", "-1", "\"\"", "[]", "{}", "true", "1e309", "\"\\u0000\"", "99999999999"];
        var at = random.Next(json.Length);
        var end = json.IndexOfAny([',', '}', ']'], at);
        if (end < 0) return json[..at];
        return json[..at] + replacements[random.Next(replacements.Length)] + json[end..];
    }
}

using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>Calls that fail report the kernel's errno by name, and the signals that go with them.</summary>
[Collection(ServerCollection.Name)]
public sealed class ErrorPathTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    [Fact]
    public async Task A_receiver_blocked_on_a_queue_that_is_removed_gets_EIDRM()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "objects": [ { "id": "q", "type": "sysv-msgq" } ],
              "processes": [
                { "id": "waiter", "steps": [ { "op": "receive", "object": "q" } ] },
                { "id": "remover", "steps": [ { "op": "sleep", "ms": 150 }, { "op": "remove", "object": "q" } ] } ] }
            """);

        Assert.True(events.IndexOf("blocked", "waiter", "receive") < events.IndexOf("syscall", "remover", "remove"));
        var receive = events.Single("syscall", "waiter", "receive");
        Assert.Equal(-1, receive.Long("result"));
        Assert.Equal("EIDRM", receive.Str("errno"));
    }

    [Fact]
    public async Task POSIX_opens_say_EEXIST_with_O_EXCL_and_ENOENT_without_O_CREAT_and_O_CREAT_makes_a_removed_name_again()
    {
        var events = await _api.RunAsync(SampleExperiments.Load("Fidelity/posix-open-create-exclusive"));
        List<string?> Errnos(string process, string op) => [.. events.Where(e => e.Is("syscall", process, op)).Select(e => e.Str("errno"))];
        Assert.Equal(["EEXIST", "EEXIST", "EEXIST"], Errnos("a", "open"));
        Assert.Equal(["ENOENT", "ENOENT", "ENOENT", null, null, null, "EEXIST"], Errnos("b", "open"));
        Assert.Equal(["EAGAIN"], Errnos("b", "receive")); // the queue made again is empty
        // Each errno comes with the C library's words for it, read with Mono.Unix in the sandbox.
        Assert.Equal("File exists", events.First(e => e.Is("syscall", "a", "open"))["errnoText"]!.GetValue<string>());
        Assert.Equal("No such file or directory", events.First(e => e.Is("syscall", "b", "open"))["errnoText"]!.GetValue<string>());
        Assert.Equal(1, events.Single("syscall", "b", "semWait").Long("value")); // the semaphore made again starts at 2
        Assert.Equal(0, events.Single("syscall", "b", "load").Long("value")); // the segment made again is zeroed
    }

    [Fact]
    public async Task A_poll_that_times_out_returns_0_with_nothing_ready()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "objects": [ { "id": "p", "type": "pipe" }, { "id": "e", "type": "eventfd" } ],
              "processes": [ { "id": "a", "steps": [
                { "op": "poll", "objects": [ { "object": "p", "events": ["in"] }, { "object": "e", "events": ["in"] } ], "timeoutMs": 50 },
                { "op": "poll", "objects": [ { "object": "p", "events": ["out"] }, { "object": "e", "events": ["in", "out"] } ], "timeoutMs": 0 } ] } ] }
            """);
        var polls = events.Where(e => e.Is("syscall", "a", "poll")).ToList();
        Assert.Equal((0L, 0), (polls[0].Long("result"), polls[0]["ready"]!.AsArray().Count));
        Assert.True(polls[0].Long("durationNs") >= 40_000_000, $"a 50 ms poll returned after {polls[0].Long("durationNs")} ns");
        Assert.Equal(2, polls[1].Long("result")); // the pipe has room, the eventfd can take a write
    }

    [Fact]
    public async Task ReceiveFd_with_nothing_passed_says_EAGAIN_or_returns_the_byte_without_a_descriptor_and_passing_a_closed_one_is_EBADF()
    {
        var events = await _api.RunAsync(SampleExperiments.Load("Fidelity/receive-fd-nothing-passed"));
        var received = events.Where(e => e.Is("syscall", "a", "receiveFd")).ToList();
        Assert.Equal(("EAGAIN", -1L), (received[0].Str("errno"), received[0].Long("result")));
        // A plain byte comes without a descriptor; the next recvmsg takes the one sendmsg attached to its byte.
        Assert.Equal((1L, "x", false), (received[1].Long("result"), received[1].Str("data"), received[1].ContainsKey("fd")));
        Assert.Equal((1L, "F", true), (received[2].Long("result"), received[2].Str("data"), received[2].ContainsKey("fd")));
        var sent = events.Where(e => e.Is("syscall", "b", "sendFd")).ToList();
        Assert.Equal((1L, null), (sent[0].Long("result"), sent[0].Str("errno")));
        Assert.Equal("EBADF", sent[1].Str("errno")); // b closed the end it tried to pass again
    }

    [Fact]
    public async Task Exec_of_an_end_the_process_does_not_hold_is_EBADF_from_dup2_and_the_process_goes_on()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "objects": [ { "id": "p", "type": "pipe" } ],
              "processes": [ { "id": "a", "steps": [
                { "op": "close", "object": "p", "end": "read" },
                { "op": "exec", "program": "cat", "stdin": { "object": "p", "end": "read" } } ] } ] }
            """);
        var exec = events.Single("syscall", "a", "exec");
        Assert.Equal(("EBADF", -1L), (exec.Str("errno"), exec.Long("result")));
        Assert.DoesNotContain(events, e => e.Is("output"));
        Assert.Equal(0, events.Single("process-exit", "a").Long("exitCode"));
    }

    [Fact]
    public async Task A_program_that_writes_without_end_is_stopped_by_the_runs_event_budget()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "limits": { "timeoutMs": 20000 },
              "processes": [ { "id": "a", "steps": [ { "op": "exec", "program": "head", "args": ["-c", "200000000", "/dev/zero"] } ] } ] }
            """);
        Assert.Contains(events, e => e.Is("output", "a") && e.Str("stream") == "stdout");
        Assert.Contains(events, e => e.Is("limit"));
        Assert.Equal("limit", events.Single(e => e.Is("run-end")).Str("status"));
    }

    [Fact]
    public async Task Nowait_on_an_empty_queue_is_ENOMSG_for_System_V_and_EAGAIN_for_POSIX()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "objects": [ { "id": "sq", "type": "sysv-msgq" }, { "id": "pq", "type": "posix-mq" } ],
              "processes": [ { "id": "a", "steps": [
                { "op": "receive", "object": "sq", "nowait": true },
                { "op": "receive", "object": "pq", "nowait": true } ] } ] }
            """);

        var receives = events.Where(e => e.Is("syscall", "a", "receive")).ToList();
        Assert.Equal(["ENOMSG", "EAGAIN"], receives.Select(r => r.Str("errno")));
        Assert.DoesNotContain(events, e => e.Kind() == "blocked");
    }

    [Fact]
    public async Task A_POSIX_queue_that_is_full_refuses_a_nowait_send_with_EAGAIN()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "objects": [ { "id": "pq", "type": "posix-mq", "maxMessages": 1 } ],
              "processes": [ { "id": "a", "steps": [
                { "op": "send", "object": "pq", "data": "fills it" },
                { "op": "stat", "object": "pq" },
                { "op": "send", "object": "pq", "data": "no room", "nowait": true } ] } ] }
            """);
        Assert.Equal([null, "EAGAIN"], events.Where(e => e.Is("syscall", "a", "send")).Select(e => e.Str("errno")));
        Assert.Equal(1, events.Single("state", "a")["state"]!["messages"]!.GetValue<long>());
        Assert.Equal(1, events.Single("state", "a")["state"]!["maxMessages"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_write_to_a_pipe_with_no_reader_is_EPIPE_with_a_SIGPIPE()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "objects": [ { "id": "p", "type": "pipe" } ],
              "processes": [ { "id": "lonely", "steps": [
                { "op": "handle", "signal": "SIGPIPE", "action": "log" },
                { "op": "close", "object": "p", "end": "read" },
                { "op": "write", "object": "p", "data": "into the void" } ] } ] }
            """);

        var write = events.Single("syscall", "lonely", "write");
        Assert.Equal("EPIPE", write.Str("errno"));
        var signal = events.Single("signal", "lonely");
        Assert.Equal(("SIGPIPE", "handled"), (signal.Str("signal"), signal.Str("disposition")));
        Assert.InRange(signal.Long("tNs"), write.Long("tNs"), write.Long("tNs") + write.Long("durationNs"));
    }

    [Fact]
    public async Task Signalling_a_process_that_has_ended_and_been_reaped_fails_with_ESRCH_and_the_sender_goes_on()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "processes": [
                { "id": "gone", "steps": [] },
                { "id": "sender", "steps": [
                    { "op": "sleep", "ms": 200 }, { "op": "signal", "process": "gone", "signal": "SIGTERM" }, { "op": "sleep", "ms": 1 } ] } ] }
            """);
        var signal = events.Single("syscall", "sender", "signal");
        Assert.Equal((-1, "ESRCH"), (signal.Long("result"), signal.Str("errno")));
        Assert.Contains(events, e => e.Is("syscall", "sender", "sleep") && e.Str("step") == "2");
        Assert.DoesNotContain(events, e => e.Kind() == "error");
        Assert.Equal("completed", events.Single("run-end").Str("status"));
    }

    [Fact]
    public async Task A_write_on_a_closed_end_fails_with_EBADF_and_the_process_goes_on_to_exit_0()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "objects": [ { "id": "p", "type": "pipe" } ],
              "processes": [ { "id": "a", "steps": [
                { "op": "close", "object": "p", "end": "write" },
                { "op": "write", "object": "p", "data": "too late" },
                { "op": "stat", "object": "p" } ] } ] }
            """);
        var write = events.Single("syscall", "a", "write");
        Assert.Equal((-1, "EBADF"), (write.Long("result"), write.Str("errno")));
        Assert.Equal(0, events.Single("syscall", "a", "stat").Long("result"));
        Assert.Equal(0, events.Single("process-exit", "a")["exitCode"]!.GetValue<int>());
        Assert.Equal("completed", events.Single("run-end").Str("status"));
    }

    [Fact]
    public async Task A_private_queue_opened_by_a_parent_is_the_one_its_later_child_uses_and_states_tell_the_instances_apart()
    {
        var events = await _api.RunAsync(SampleExperiments.Load("Fidelity/private-queue-inherited"));
        var received = events.Single("syscall", "parent", "receive");
        Assert.Equal(("to the parent's queue", 2L), (received.Str("data"), received.Long("type")));
        var opened = events.Single("syscall", "parent", "open").Long("result");
        var states = events.Where(e => e.Is("state") && e.Str("object") == "q").Select(e => e["state"]!).ToList();
        Assert.All(states, s => Assert.Equal("IPC_PRIVATE", s["key"]!.GetValue<string>()));
        var instances = states.Select(s => (Id: s["id"]!.GetValue<long>(), Instance: s["instance"]!.GetValue<int>())).Distinct().ToList();
        Assert.Contains(instances, i => i.Instance == 1 && i.Id == opened);
        Assert.Contains(instances, i => i.Instance == 0 && i.Id != opened);
    }

    [Fact]
    public async Task An_ignored_signal_is_reported_as_ignored()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "processes": [
                { "id": "stoic", "steps": [ { "op": "handle", "signal": "SIGTERM", "action": "ignore" }, { "op": "sleep", "ms": 300 } ] },
                { "id": "sender", "steps": [ { "op": "sleep", "ms": 100 }, { "op": "signal", "process": "stoic", "signal": "SIGTERM" } ] } ] }
            """);
        var signal = events.Single("signal", "stoic");
        Assert.Equal("ignored", signal.Str("disposition"));
        Assert.Equal(0, events.Single("process-exit", "stoic")["exitCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task WaitSignal_takes_a_blocked_signal()
    {
        var events = await _api.RunAsync("""
            { "format": 1, "processes": [
                { "id": "waiter", "steps": [ { "op": "block", "signals": ["SIGUSR1"] }, { "op": "waitSignal", "signals": ["SIGUSR1"], "timeoutMs": 3000 } ] },
                { "id": "sender", "steps": [ { "op": "sleep", "ms": 100 }, { "op": "signal", "process": "waiter", "signal": "SIGUSR1" } ] } ] }
            """);
        Assert.Equal(10, events.Single("syscall", "waiter", "waitSignal").Long("result"));
        Assert.Contains(events, e => e.Is("signal", "waiter") && e.Str("disposition") == "waited");
    }
}

using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.UnitTests;

public sealed class ExperimentValidatorTests
{
    private const string ContractExample = """
        {
          "format": 1,
          "name": "A pipe is a byte stream",
          "description": "Two writes, one read: message boundaries are lost.",
          "limits": { "timeoutMs": 5000 },
          "objects": [ { "id": "p", "type": "pipe" } ],
          "processes": [
            { "id": "parent", "steps": [
                { "op": "spawn", "process": "child" },
                { "op": "write", "object": "p", "data": "hello" },
                { "op": "write", "object": "p", "data": "world" },
                { "op": "close", "object": "p", "end": "write" },
                { "op": "wait", "process": "child" } ] },
            { "id": "child", "parent": "parent", "steps": [
                { "op": "sleep", "ms": 100 },
                { "op": "read", "object": "p", "bytes": 100 } ] }
          ]
        }
        """;

    private static IReadOnlyList<ValidationError> Errors(string json) => ExperimentReader.Read(json).Errors;

    private static void AssertErrorAt(string json, string path, string fragment)
    {
        var errors = Errors(json);
        Assert.True(errors.Any(e => e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal)),
            $"expected an error at {path} mentioning '{fragment}', got: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")));
    }

    [Fact]
    public void A_server_with_smaller_caps_names_the_field_and_its_cap()
    {
        const string json = """
            { "format": 1, "objects": [ { "id": "q", "type": "sysv-msgq" }, { "id": "m", "type": "posix-shm", "size": 8192 } ],
              "processes": [ { "id": "a", "steps": [ { "op": "send", "object": "q", "data": "0123456789" },
                                                     { "op": "store", "object": "m", "offset": 0, "size": 8192 } ] } ] }
            """;
        Assert.True(ExperimentReader.Read(json).IsValid);

        var errors = ExperimentReader.Read(json, new SizeCaps { MaxShmBytes = 4096, MaxMessageBytes = 8 }).Errors;

        Assert.Contains(errors, e => e.Path == "objects[1].size" && e.Message == "size is from 1 to 4096");
        Assert.Contains(errors, e => e.Path == "processes[0].steps[0].data" && e.Message.Contains("at most 8 bytes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "processes[0].steps[1].size" && e.Message == "size is from 1 to 4096");
    }

    [Fact]
    public void The_contract_example_is_valid()
    {
        var result = ExperimentReader.Read(ContractExample);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("A pipe is a byte stream", result.Experiment!.Name);
        Assert.Equal(5, result.Experiment.Processes![0].Steps!.Count);
    }

    [Fact]
    public void An_unknown_field_is_named_by_its_path() =>
        AssertErrorAt(ContractExample.Replace("\"bytes\": 100", "\"bytes\": 100, \"speed\": 3"), "processes[1].steps[1].speed", "unknown field 'speed'");

    [Fact]
    public void A_wrong_json_type_is_named_by_its_path() =>
        AssertErrorAt(ContractExample.Replace("\"ms\": 100", "\"ms\": \"soon\""), "processes[1].steps[0].ms", "wrong JSON type");

    [Fact]
    public void An_unknown_op_lists_the_known_ones() =>
        AssertErrorAt(ContractExample.Replace("\"op\": \"sleep\"", "\"op\": \"nap\""), "processes[1].steps[0].op", "expected one of write, read");

    [Fact]
    public void An_unknown_object_is_named() =>
        AssertErrorAt(ContractExample.Replace("\"object\": \"p\", \"bytes\"", "\"object\": \"pp\", \"bytes\""), "processes[1].steps[1].object", "unknown object 'pp'");

    [Fact]
    public void Ids_are_unique_across_processes_and_objects() =>
        AssertErrorAt(ContractExample.Replace("{ \"id\": \"p\", \"type\": \"pipe\" }", "{ \"id\": \"child\", \"type\": \"pipe\" }"), "processes[1].id", "duplicate id 'child'");

    [Fact]
    public void Write_takes_exactly_one_of_data_and_size() =>
        AssertErrorAt(ContractExample.Replace("\"data\": \"hello\"", "\"data\": \"hello\", \"size\": 5"), "processes[0].steps[1].data", "exactly one of 'data', 'size'");

    [Fact]
    public void An_op_must_fit_the_object_type() =>
        AssertErrorAt(ContractExample.Replace("{ \"op\": \"sleep\", \"ms\": 100 }", "{ \"op\": \"semPost\", \"object\": \"p\" }"), "processes[1].steps[0].object", "does not apply to 'p', a pipe");

    [Fact]
    public void Spawn_names_a_child_of_the_spawning_process() =>
        AssertErrorAt(ContractExample.Replace(", \"parent\": \"parent\"", ""), "processes[0].steps[0].process", "not a child of 'parent'");

    [Fact]
    public void A_process_is_spawned_once() =>
        AssertErrorAt(ContractExample.Replace("{ \"op\": \"wait\", \"process\": \"child\" }", "{ \"op\": \"spawn\", \"process\": \"child\" }"), "processes[0].steps[4].process", "already spawned");

    [Fact]
    public void A_parent_cycle_is_refused()
    {
        var json = ContractExample.Replace("{ \"id\": \"parent\", \"steps\"", "{ \"id\": \"parent\", \"parent\": \"child\", \"steps\"");
        AssertErrorAt(json, "processes[0].parent", "its own ancestor");
    }

    [Fact]
    public void A_pipe_cannot_join_unrelated_processes() =>
        AssertErrorAt("""
            { "format": 1, "objects": [ { "id": "p", "type": "pipe" } ],
              "processes": [ { "id": "a", "steps": [ { "op": "write", "object": "p", "data": "x" } ] },
                            { "id": "b", "steps": [ { "op": "read", "object": "p", "bytes": 1 } ] } ] }
            """, "objects[0].id", "share no ancestor");

    [Theory]
    [InlineData("/sandbox/../etc/passwd", "'..'")]
    [InlineData("/etc/passwd", "inside the sandbox")]
    [InlineData("relative/path", "inside the sandbox")]
    [InlineData("/sandbox//x", "empty segments")]
    public void Paths_stay_inside_the_sandbox(string path, string fragment)
    {
        var json = $$"""
            { "format": 1, "objects": [ { "id": "f", "type": "fifo", "path": "{{path}}" } ],
              "processes": [ { "id": "a", "steps": [] } ] }
            """;
        AssertErrorAt(json, "objects[0].path", fragment);
    }

    [Fact]
    public void Ftok_paths_stay_inside_the_sandbox() =>
        AssertErrorAt("""
            { "format": 1, "objects": [ { "id": "q", "type": "sysv-msgq", "key": { "ftok": { "path": "/home/x", "proj": 65 } } } ],
              "processes": [ { "id": "a", "steps": [] } ] }
            """, "objects[0].key.ftok.path", "inside the sandbox");

    private static string SemaphoreSet(string fields) =>
        $$"""{ "format": 1, "objects": [ { "id": "s", {{fields}} } ], "processes": [ { "id": "a", "steps": [ { "op": "stat", "object": "s" } ] } ] }""";

    [Fact]
    public void A_System_V_set_takes_one_start_value_per_member_and_keeps_its_spelling()
    {
        var read = ExperimentReader.Read(SemaphoreSet("\"type\": \"sysv-sem\", \"initial\": [2, 0]"));
        Assert.Empty(read.Errors);
        Assert.Equal([2, 0], read.Experiment!.Objects![0].Initial!.PerMember);
        var json = System.Text.Json.JsonSerializer.Serialize(read.Experiment, IpcPlayground.Contracts.Json.ContractsJsonContext.Default.Experiment);
        Assert.Contains("\"initial\":[2,0]", json, StringComparison.Ordinal);
        Assert.Contains("\"initial\":3", System.Text.Json.JsonSerializer.Serialize(
            ExperimentReader.Read(SemaphoreSet("\"type\": \"posix-sem\", \"name\": \"/s\", \"initial\": 3")).Experiment,
            IpcPlayground.Contracts.Json.ContractsJsonContext.Default.Experiment), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"type\": \"sysv-sem\", \"count\": 3, \"initial\": [1, 0]", "objects[0].initial", "2 values but count is 3")]
    [InlineData("\"type\": \"sysv-sem\", \"initial\": [1, 40000]", "objects[0].initial[1]", "from 0 to 32767")]
    [InlineData("\"type\": \"sysv-sem\", \"initial\": []", "objects[0].initial", "1 to 32 members")]
    [InlineData("\"type\": \"posix-sem\", \"name\": \"/s\", \"initial\": [1, 0]", "objects[0].initial", "a posix-sem starts at one value")]
    [InlineData("\"type\": \"sysv-sem\", \"initial\": \"two\"", "objects[0].initial", "an array of numbers")]
    public void A_bad_initial_is_named_by_its_path(string fields, string path, string fragment) =>
        AssertErrorAt(SemaphoreSet(fields), path, fragment);

    private static string OpenOf(string type, string fields) =>
        $$"""{ "format": 1, "objects": [ { "id": "o", "type": "{{type}}" } ], "processes": [ { "id": "a", "steps": [ { "op": "open", "object": "o", "mode": "read"{{fields}} } ] } ] }""";

    [Theory]
    [InlineData("sysv-msgq", ", \"create\": false, \"exclusive\": true", "processes[0].steps[0].exclusive", "only means something with create")]
    [InlineData("fifo", ", \"create\": true", "processes[0].steps[0].create", "create applies to a sysv-msgq, posix-mq")]
    [InlineData("unix-stream", ", \"exclusive\": true", "processes[0].steps[0].exclusive", "'o' is a unix-stream")]
    [InlineData("posix-mq", ", \"create\": \"yes\"", "processes[0].steps[0].create", "wrong JSON type")]
    public void Create_and_exclusive_are_for_System_V_and_POSIX_opens(string type, string fields, string path, string fragment) =>
        AssertErrorAt(OpenOf(type, fields), path, fragment);

    [Theory]
    [InlineData("sysv-sem", null, null, true, false)]
    [InlineData("sysv-shm", false, null, false, false)]
    [InlineData("posix-mq", null, null, false, false)]
    [InlineData("posix-sem", null, true, true, true)]
    [InlineData("posix-shm", true, null, true, false)]
    public void An_open_creates_by_default_where_format_1_0_did(string type, bool? create, bool? exclusive, bool creates, bool excludes)
    {
        var step = new Step { Op = Ops.Open, Object = "o", Create = create, Exclusive = exclusive };
        Assert.Equal(new OpenFlags(creates, excludes), OpenFlags.Of(step, Mechanisms.Named(type)!));
        var fields = (create is { } c ? $", \"create\": {(c ? "true" : "false")}" : "") + (exclusive is { } x ? $", \"exclusive\": {(x ? "true" : "false")}" : "");
        Assert.Empty(Errors(OpenOf(type, fields)));
    }

    private static string Steps(string steps) =>
        $$"""{ "format": 1, "processes": [ { "id": "a", "steps": [ {{steps}} ] }, { "id": "b", "steps": [] } ] }""";

    [Theory]
    [InlineData("{ \"op\": \"signal\", \"process\": \"b\", \"signal\": \"SIGUSR1\", \"value\": 3000000000 }", "processes[0].steps[0].value", "value is from -2147483648 to 2147483647")]
    [InlineData("{ \"op\": \"handle\", \"signal\": \"SIGUSR1\", \"action\": \"log\", \"flags\": [\"restart\", \"onstack\"] }", "processes[0].steps[0].flags[1]", "'onstack' is not one of restart, resethand, nodefer")]
    [InlineData("{ \"op\": \"handle\", \"signal\": \"SIGUSR1\", \"action\": \"ignore\", \"flags\": [\"restart\"] }", "processes[0].steps[0].flags", "they apply to action \"log\"")]
    [InlineData("{ \"op\": \"block\", \"signals\": [\"SIGUSR1\", \"SIGRTMIN\"] }", "processes[0].steps[0].signals[1]", "use SIGRTMIN+1 to SIGRTMAX")]
    [InlineData("{ \"op\": \"signal\", \"process\": \"b\", \"signal\": \"SIGRTMIN+31\" }", "processes[0].steps[0].signal", "unknown signal 'SIGRTMIN+31'")]
    [InlineData("{ \"op\": \"wait\", \"process\": \"b\", \"value\": 1 }", "processes[0].steps[0].value", "op 'wait' takes no field 'value'")]
    [InlineData("{ \"op\": \"fault\", \"kind\": \"oops\" }", "processes[0].steps[0].kind", "'oops' is not one of segv, fpe, bus, ill, abort")]
    [InlineData("{ \"op\": \"fault\" }", "processes[0].steps[0].kind", "requires 'kind'")]
    [InlineData("{ \"op\": \"stat\", \"path\": \"/etc/passwd\" }", "processes[0].steps[0].path", "inside the sandbox")]
    [InlineData("{ \"op\": \"stat\" }", "processes[0].steps[0].object", "exactly one of 'object', 'path'")]
    public void Queued_signals_and_handler_flags_are_checked_by_path(string step, string path, string fragment) =>
        AssertErrorAt(Steps(step), path, fragment);

    [Fact]
    public void Real_time_signals_are_named_from_SIGRTMIN_to_SIGRTMAX()
    {
        Assert.Equal(34, SignalNames.Numbers["SIGRTMIN"]);
        Assert.Equal(35, SignalNames.Numbers["SIGRTMIN+1"]);
        Assert.Equal(64, SignalNames.Numbers["SIGRTMAX"]);
        Assert.Equal("SIGRTMIN+29", SignalNames.Name(63));
        Assert.Empty(Errors(Steps("""{ "op": "signal", "process": "b", "signal": "SIGRTMAX", "value": -7 }, { "op": "handle", "signal": "SIGRTMIN", "action": "log", "flags": ["restart", "resethand", "nodefer"] }""")));
    }

    private static string PollOf(string objects) =>
        $$"""{ "format": 1, "objects": [ { "id": "f", "type": "fifo" }, { "id": "q", "type": "sysv-msgq" } ], "processes": [ { "id": "a", "steps": [ { "op": "poll", "objects": {{objects}} } ] } ] }""";

    [Theory]
    [InlineData("[ { \"object\": \"q\", \"events\": [\"in\"] } ]", "processes[0].steps[0].objects[0].object", "'q' is a sysv-msgq, which has no descriptor to poll")]
    [InlineData("[ { \"object\": \"f\", \"events\": [\"readable\"] } ]", "processes[0].steps[0].objects[0].events[0]", "'readable' is not one of in, out")]
    [InlineData("[ { \"object\": \"f\", \"end\": \"first\", \"events\": [\"in\"] } ]", "processes[0].steps[0].objects[0].end", "a fifo's ends are read and write")]
    [InlineData("[ { \"object\": \"nope\", \"events\": [\"in\"] } ]", "processes[0].steps[0].objects[0].object", "unknown object 'nope'")]
    [InlineData("[ { \"object\": \"f\" } ]", "processes[0].steps[0].objects[0].events", "events names what to wait for")]
    [InlineData("[]", "processes[0].steps[0].objects", "poll watches 1 to 16 objects")]
    public void A_poll_names_each_bad_entry_by_its_path(string objects, string path, string fragment) =>
        AssertErrorAt(PollOf(objects), path, fragment);

    private static string PassingOf(string sender, string receiver) =>
        $$"""
        { "format": 1, "objects": [ { "id": "s", "type": "unix-stream", "path": "/tmp/s.sock" }, { "id": "t", "type": "tcp", "port": 7000 },
            { "id": "p", "type": "pipe" }, { "id": "m", "type": "sysv-shm" }, { "id": "e", "type": "eventfd" } ],
          "processes": [ { "id": "a", "steps": [ { "op": "accept", "object": "s" }, {{sender}} ] },
                         { "id": "b", "steps": [ { "op": "open", "object": "s", "mode": "read-write" }, {{receiver}} ] } ] }
        """;

    [Theory]
    [InlineData("""{ "op": "sendFd", "object": "s", "fd": { "object": "m" } }""", """{ "op": "stat", "object": "s" }""",
        "processes[0].steps[1].fd.object", "'m' is a sysv-shm, which has no descriptor to pass")]
    [InlineData("""{ "op": "sendFd", "object": "t", "fd": { "object": "p", "end": "read" } }""", """{ "op": "stat", "object": "s" }""",
        "processes[0].steps[1].object", "op 'sendFd' does not apply to 't', a tcp")]
    [InlineData("""{ "op": "sendFd", "object": "s", "fd": { "object": "e", "end": "read" } }""", """{ "op": "stat", "object": "s" }""",
        "processes[0].steps[1].fd.end", "a eventfd has one descriptor")]
    [InlineData("""{ "op": "sendFd", "object": "s" }""", """{ "op": "stat", "object": "s" }""",
        "processes[0].steps[1].fd", "op 'sendFd' requires 'fd'")]
    [InlineData("""{ "op": "sendFd", "object": "s", "fd": { "object": "p", "end": "read" } }""", """{ "op": "receiveFd", "object": "s", "as": { "object": "e" } }""",
        "processes[1].steps[1].as.object", "no sendFd passes a descriptor of 'e'")]
    [InlineData("""{ "op": "sendFd", "object": "s", "fd": { "object": "p" } }""", """{ "op": "receiveFd", "object": "s", "as": { "object": "p" } }""",
        "processes[1].steps[1].as.end", "say which end of 'p' arrives (read or write)")]
    [InlineData("""{ "op": "sendFd", "object": "s", "fd": { "object": "p", "end": "read" } }""", """{ "op": "receiveFd", "object": "s", "as": { "object": "p" }, "timeoutMs": 5 }""",
        "processes[1].steps[1].timeoutMs", "op 'receiveFd' takes no field 'timeoutMs'")]
    public void Passing_a_descriptor_names_each_bad_field_by_its_path(string sender, string receiver, string path, string fragment) =>
        AssertErrorAt(PassingOf(sender, receiver), path, fragment);

    [Fact]
    public void A_received_pipe_end_comes_from_its_senders_and_the_receiver_needs_no_common_ancestor()
    {
        var json = PassingOf("""{ "op": "sendFd", "object": "s", "fd": { "object": "p", "end": "read" } }""",
            """{ "op": "receiveFd", "object": "s", "as": { "object": "p" } }, { "op": "read", "object": "p", "bytes": 4 }""");
        Assert.Empty(Errors(json));
        var experiment = ExperimentReader.Read(json).Experiment!;
        Assert.Equal("read", DescriptorPassing.ReceivedEnd(experiment, new DescriptorRef { Object = "p" }));
    }

    private static string ExecOf(string steps) =>
        $$"""{ "format": 1, "objects": [ { "id": "p", "type": "pipe" }, { "id": "m", "type": "sysv-shm" } ], "processes": [ { "id": "a", "steps": [ {{steps}} ] } ] }""";

    [Theory]
    [InlineData("""{ "op": "exec", "program": "bash" }""", "processes[0].steps[0].program", "program 'bash' is not one this server runs; it runs cat, wc, sort, tr, head, tail, grep, uniq")]
    [InlineData("""{ "op": "exec", "program": "wc" }, { "op": "close", "object": "p" }""", "processes[0].steps[0].op", "must be the process's last step")]
    [InlineData("""{ "op": "repeat", "times": 2, "steps": [ { "op": "exec", "program": "wc" } ] }""", "processes[0].steps[0].steps[0].op", "cannot stand inside a repeat")]
    [InlineData("""{ "op": "exec", "program": "wc", "stdin": { "object": "m" } }""", "processes[0].steps[0].stdin.object", "'m' is a sysv-shm, which has no descriptor to redirect")]
    [InlineData("""{ "op": "exec", "program": "wc", "stdout": { "object": "p", "end": "first" } }""", "processes[0].steps[0].stdout.end", "a pipe's ends are read and write")]
    [InlineData("""{ "op": "exec", "program": "grep", "args": ["a\u0001b"] }""", "processes[0].steps[0].args[0]", "without control characters")]
    [InlineData("""{ "op": "exec" }""", "processes[0].steps[0].program", "op 'exec' requires 'program'")]
    public void An_exec_names_each_bad_field_by_its_path(string steps, string path, string fragment) =>
        AssertErrorAt(ExecOf(steps), path, fragment);

    [Fact]
    public void A_server_may_allow_other_programs()
    {
        var json = ExecOf("""{ "op": "exec", "program": "nl" }""");
        Assert.NotEmpty(Errors(json));
        Assert.Empty(ExperimentReader.Read(json, new SizeCaps { Programs = ["nl"] }).Errors);
    }

    [Fact]
    public void All_three_key_spellings_parse()
    {
        foreach (var key in new[] { "\"private\"", "1234", "{ \"ftok\": { \"path\": \"/sandbox/k\", \"proj\": 65 } }" })
        {
            var json = $$"""{ "format": 1, "objects": [ { "id": "q", "type": "sysv-msgq", "key": {{key}} } ], "processes": [ { "id": "a", "steps": [] } ] }""";
            Assert.DoesNotContain(Errors(json), e => e.Path.StartsWith("objects[0].key", StringComparison.Ordinal) || e.Path == "$");
        }
    }

    [Fact]
    public void Steps_inside_repeat_are_checked_with_their_path() =>
        AssertErrorAt(ContractExample.Replace("{ \"op\": \"sleep\", \"ms\": 100 }", "{ \"op\": \"repeat\", \"times\": 2, \"steps\": [ { \"op\": \"sleep\" } ] }"),
            "processes[1].steps[0].steps[0].ms", "requires 'ms'");

    [Fact]
    public void Signal_names_are_checked() =>
        AssertErrorAt("""{ "format": 1, "processes": [ { "id": "a", "steps": [ { "op": "block", "signals": [ "SIGUSR1", "SIGNOPE" ] } ] } ] }""",
            "processes[0].steps[0].signals[1]", "unknown signal 'SIGNOPE'");

    [Fact]
    public void Many_errors_are_reported_at_once()
    {
        var errors = Errors("""{ "format": 1, "objects": [ { "id": "Bad", "type": "wormhole" } ], "processes": [ { "id": "a", "steps": [ { "op": "read" } ] } ] }""");
        Assert.Contains(errors, e => e.Path == "objects[0].id");
        Assert.Contains(errors, e => e.Path == "objects[0].type");
        Assert.Contains(errors, e => e.Path == "processes[0].steps[0].object");
        Assert.Contains(errors, e => e.Path == "processes[0].steps[0].bytes");
    }
}

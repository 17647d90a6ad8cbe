using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Exports;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// The experiment as a standalone C program: every lesson compiles with -Wall -Werror, and lessons whose claim shows
/// in the calls' results, run in the sandbox, print what the playground's events show.
/// </summary>
public sealed class CProgramExportTests
{
    public static TheoryData<string> LessonIds => new(LessonLibrary.All.Select(l => l.Id));

    private static Experiment Lesson(string id) => Read(LessonLibrary.Get(id).ExperimentJson);

    private static Experiment Read(string json)
    {
        var read = ExperimentReader.Read(json);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        return read.Experiment!;
    }

    private static async Task<string[]> RunLesson(string id)
    {
        using var sandbox = new CProgramSandbox();
        var result = await sandbox.CompileAndRun(CProgramExport.Generate(Lesson(id)));
        Assert.True(result.ExitCode == 0, $"lesson {id}'s program failed: {result}");
        Assert.Contains("[(main)] every process has ended", result.Output, StringComparison.Ordinal);
        return result.Output.Split('\n');
    }

    private static int LineOf(string[] lines, string text)
    {
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line contains {text}:\n{string.Join('\n', lines)}");
        return index;
    }

    [Theory]
    [MemberData(nameof(LessonIds))]
    public async Task Every_lesson_compiles_with_Wall_Werror(string id)
    {
        using var sandbox = new CProgramSandbox();
        var compiled = await sandbox.Compile(CProgramExport.Generate(Lesson(id)));
        Assert.True(compiled.ExitCode == 0, $"gcc rejected lesson {id}:\n{compiled.Errors}");
    }

    [Fact]
    public async Task Pipe_byte_stream_reads_helloworld_from_two_writes()
    {
        var lines = await RunLesson("pipe-byte-stream");
        Assert.Equal(2, lines.Count(l => l.StartsWith("[parent] write(p) = 5", StringComparison.Ordinal)));
        LineOf(lines, "[child] read(p) = 10 \"helloworld\"");
        LineOf(lines, "[parent] waitpid(child) = ");
    }

    [Fact]
    public async Task A_System_V_queue_receives_by_type()
    {
        var lines = await RunLesson("sysv-queue-selective-receive");
        LineOf(lines, "[receiver] msgctl(q, IPC_STAT) = 0: 3 messages");
        var two = LineOf(lines, "[receiver] msgrcv(q, type 2) = 3 \"two\", type 2");
        var one = LineOf(lines, "[receiver] msgrcv(q, type 0) = 3 \"one\", type 1");
        var three = LineOf(lines, "[receiver] msgrcv(q, type -3) = 5 \"three\", type 3");
        Assert.True(two < one && one < three);
    }

    [Fact]
    public async Task A_full_pipe_holds_65536_bytes_and_the_next_write_waits_for_the_reader()
    {
        var lines = await RunLesson("pipe-full-blocks");
        LineOf(lines, "[writer] write(p) = 65536");
        LineOf(lines, "[writer] ioctl(p, FIONREAD) = 0: 65536 bytes buffered, capacity 65536");
        LineOf(lines, "[reader] read(p) = 4096 ");
        // The reader prints its sleep before it reads, and only its read lets the blocked write return.
        Assert.True(LineOf(lines, "[reader] nanosleep(300 ms) = 0") < LineOf(lines, "[writer] write(p) = 8"),
            "the second write returns only after the reader woke and drained the pipe");
    }

    [Fact]
    public async Task A_semaphore_makes_the_locked_count_exact()
    {
        var lines = await RunLesson("shm-race-vs-semaphore");
        Assert.EndsWith("value 600", lines[LineOf(lines, "[starter] load(mem, offset 4) = 4 ")], StringComparison.Ordinal);
        Assert.Equal(2, lines.Count(l => l.Contains("increment(mem, offset 0) x 20000000 = 20000000", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Closing_writers_gives_EOF_and_closing_readers_gives_SIGPIPE()
    {
        var lines = await RunLesson("pipe-eof-sigpipe");
        Assert.True(LineOf(lines, "[reader] read(p) = 3 \"bye\"") < LineOf(lines, "[reader] read(p) = 0"));
        Assert.EndsWith("killed by SIGPIPE", lines[LineOf(lines, "[parent] waitpid(writer) = ")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_signal_stays_pending_until_unblocked()
    {
        var lines = await RunLesson("blocked-signal-pending");
        LineOf(lines, "[sender]   SIGUSR1 is pending in target");
        var handled = LineOf(lines, "[target] handler: SIGUSR1 handled");
        Assert.True(LineOf(lines, "[target] nanosleep(400 ms) = 0") < handled && handled < LineOf(lines, "[target] sigprocmask(SIG_UNBLOCK, SIGUSR1) = 0"),
            "the handler runs inside the unblock, after the long sleep");
    }

    [Fact]
    public async Task Every_op_and_object_type_compiles_runs_and_says_exactly_the_bytes()
    {
        using var sandbox = new CProgramSandbox();
        var result = await sandbox.CompileAndRun(CProgramExport.Generate(Read(SampleExperiments.Load("c-export-every-op"))));
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n');
        LineOf(lines, "[kid] read(sp) = 37 \"tab\\x09here \\\"quoted\\\" back\\\\slash ? \\xc3\\xa9 \\x01\\x007\"");
        LineOf(lines, "[main] waitpid(kid) = ");
        LineOf(lines, "[main] sigtimedwait(SIGUSR1) = 10: SIGUSR1 waited");
        LineOf(lines, "[main] load(seg, offset 8) = 4 \"M\\x00\\x00\\x00\", value 77");
        LineOf(lines, "[main] atomic-increment(seg, offset 8) x 3 = 3, value 80");
        LineOf(lines, "[main] mq_receive(pq) = 1 \"p\", priority 3");
        LineOf(lines, "[count] recv(dg) = 8 \"datagram\"");
        LineOf(lines, "[main] read(ff) = 4 \"fifo\"");
        Assert.DoesNotContain(lines, l => l.Contains("refused", StringComparison.Ordinal) && !l.StartsWith("[kid] close sp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_datagram_sockets_stat_asks_FIONREAD_the_size_of_the_next_datagram()
    {
        var experiment = Read("""
            { "format": 1, "objects": [ { "id": "dg", "type": "unix-dgram" } ],
              "processes": [ { "id": "a", "steps": [
                { "op": "receive", "object": "dg", "nowait": true }, { "op": "send", "object": "dg", "data": "seven b" }, { "op": "stat", "object": "dg" } ] } ] }
            """);
        using var sandbox = new CProgramSandbox();
        var result = await sandbox.CompileAndRun(CProgramExport.Generate(experiment));
        LineOf(result.Output.Split('\n'), "[a] ioctl(dg, FIONREAD) = 0: 7 bytes buffered");
    }

    [Fact]
    public async Task A_name_and_description_that_open_or_close_a_C_comment_still_compile_with_Werror()
    {
        var experiment = Read("""
            { "format": 1, "name": "see /* here */ and */ there", "description": "a /* nested /* comment",
              "objects": [], "processes": [ { "id": "a", "steps": [ { "op": "sleep", "ms": 1 } ] } ] }
            """);
        using var sandbox = new CProgramSandbox();
        var compiled = await sandbox.Compile(CProgramExport.Generate(experiment));
        Assert.True(compiled.ExitCode == 0, $"gcc rejected it:\n{compiled.Errors}");
    }

    [Fact]
    public async Task A_deadlocked_program_is_stopped_at_the_experiments_timeout()
    {
        using var sandbox = new CProgramSandbox();
        var result = await sandbox.CompileAndRun(CProgramExport.Generate(Read(SampleExperiments.PipeDeadlock)));
        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n');
        LineOf(lines, "the run passed its limit of 2500 ms: every process left is killed");
        LineOf(lines, "[(main)] parent killed by SIGKILL");
        LineOf(lines, "[(main)] the run timed out");
    }

    [Fact]
    public void An_invalid_experiment_is_refused_with_the_paths_of_its_errors()
    {
        var experiment = new Experiment
        {
            Format = 1,
            Processes = [new ProcessDefinition { Id = "a", Steps = [new Step { Op = "read", Object = "nowhere", Bytes = 1 }] }],
        };
        var error = Assert.Throws<ArgumentException>(() => CProgramExport.Generate(experiment));
        Assert.Contains("processes[0].steps[0].object", error.Message, StringComparison.Ordinal);
    }
}

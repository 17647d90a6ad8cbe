using IpcPlayground.Contracts.Json;
using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Traces;

namespace IpcPlayground.UnitTests.Fidelity;

/// <summary>Both sides of the oracle read into the same normalised trace: the C program's stderr lines and a run's events.</summary>
public sealed class TraceReadingTests
{
    private static readonly Experiment Experiment = new()
    {
        Format = 1,
        Objects = [new ObjectDefinition { Id = "p", Type = "pipe" }, new ObjectDefinition { Id = "f", Type = "fifo" }, new ObjectDefinition { Id = "s", Type = "posix-sem" }],
        Processes = [new ProcessDefinition { Id = "a", Steps = [] }, new ProcessDefinition { Id = "b", Parent = "a", Steps = [] }],
    };

    [Fact]
    public void Data_is_percent_encoded_up_to_256_bytes_and_hashed_beyond()
    {
        Assert.Equal("hi%20there%25%C3%A9", TraceData.Encode("hi there%é"u8));
        var long1 = TraceData.Encode(new byte[300]);
        var long2 = TraceData.Encode(Enumerable.Repeat((byte)1, 300).ToArray());
        Assert.StartsWith("300B#", long1, StringComparison.Ordinal);
        Assert.Equal(5 + 16, long1.Length);
        Assert.NotEqual(long1, long2);
        Assert.Equal(TraceData.Encode(new byte[300]), long1);
    }

    [Fact]
    public void The_C_programs_lines_become_steps_signals_exits_and_the_run_status()
    {
        var trace = CProgramTraceReader.Read("""
            [a] ignored: not a trace line
            @ a step 0 - spawn b 57 -
            @ a step 1 - open f 5 -
            @ b step 0.1 2 read p 5 - data=hello
            @ b step 1 - semWait s -1 EAGAIN
            @ b signal SIGUSR1 handled
            @ b exit code 3
            @ a step 2 - wait b 57 - exit=code:3
            @ - run completed
            """, Experiment);

        Assert.Equal("completed", trace.Status);
        Assert.Equal(["0 spawn b = pid", "1 open f = fd", "2 wait b = pid exit=code:3"], trace.Processes["a"].Steps);
        Assert.Equal(["0.1@2 read p = 5 data=hello", "1 semWait s = -1 EAGAIN"], trace.Processes["b"].Steps);
        Assert.Equal(["SIGUSR1 handled"], trace.Processes["b"].Signals);
        Assert.Equal("code 3", trace.Processes["b"].End);
    }

    [Fact]
    public void A_line_the_oracle_cannot_read_is_an_error_not_a_silent_skip()
    {
        var error = Assert.Throws<FormatException>(() => CProgramTraceReader.Read("@ a step 0 - read p\n", Experiment));
        Assert.Contains("@ a step 0 - read p", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runs_events_become_the_same_trace_with_the_state_a_stat_reported()
    {
        using var state = JsonDocument.Parse("""{ "type": "pipe", "buffered": 5, "capacity": 65536 }""");
        RunEvent[] events =
        [
            new SyscallEvent { Seq = 1, Process = "b", Op = "read", Object = "p", Step = "0.1", Iteration = 2, Result = 5, Data = "hello" },
            new SyscallEvent { Seq = 2, Process = "b", Op = "stat", Object = "p", Step = "1", Result = 0 },
            new StateEvent { Seq = 3, Process = "b", Object = "p", State = JsonSerializer.Deserialize(state.RootElement, ContractsJsonContext.Default.KernelState) },
            new SyscallEvent { Seq = 4, Process = "b", Op = "write", Object = "p", Step = "2", Result = -1, Errno = "EBADF" },
            new SignalEvent { Seq = 5, Process = "b", Signal = "SIGSEGV", Disposition = "default" },
            new ProcessExitEvent { Seq = 6, Process = "b", Signal = "SIGSEGV" },
            new SyscallEvent { Seq = 7, Process = "a", Op = "wait", Target = "b", Step = "0", Result = 7, TermSignal = "SIGSEGV" },
            new RunEndEvent { Seq = 8, Status = "completed" },
        ];

        var trace = RunTraceReader.Read(events, Experiment);

        Assert.Equal(["0.1@2 read p = 5 data=hello", "1 stat p = 0 buffered=5 capacity=65536", "2 write p = -1 EBADF"], trace.Processes["b"].Steps);
        Assert.Equal(["SIGSEGV default"], trace.Processes["b"].Signals);
        Assert.Equal("signal SIGSEGV", trace.Processes["b"].End);
        Assert.Equal(["0 wait b = pid exit=signal:SIGSEGV"], trace.Processes["a"].Steps);
    }

    [Fact]
    public void An_error_event_stands_among_its_processes_steps()
    {
        var trace = RunTraceReader.Read(
            [new ErrorEvent { Seq = 1, Process = "a", Message = "step 0 (write p): refused" }, new RunEndEvent { Seq = 2, Status = "failed" }], Experiment);
        Assert.Equal(["error: step 0 (write p): refused"], trace.Processes["a"].Steps);
        Assert.Equal("failed", trace.Status);
    }

    [Fact]
    public void A_masked_field_is_left_out_on_both_sides()
    {
        var mask = new TraceMask().Step("b", "1", "value").Object("p", "data");
        var program = CProgramTraceReader.Read("@ b step 1 - semPost s 0 - value=2\n@ b step 2 - read p 1 - data=x\n", Experiment, mask);
        var run = RunTraceReader.Read(
        [
            new SyscallEvent { Seq = 1, Process = "b", Op = "semPost", Object = "s", Step = "1", Result = 0, Value = 1 },
            new SyscallEvent { Seq = 2, Process = "b", Op = "read", Object = "p", Step = "2", Result = 1, Data = "y" },
        ], Experiment, mask);
        Assert.Equal(["1 semPost s = 0 value=*", "2 read p = 1 data=*"], program.Processes["b"].Steps);
        Assert.DoesNotContain(TraceComparison.Compare(program, run), d => d.Kind != "status");
    }
}

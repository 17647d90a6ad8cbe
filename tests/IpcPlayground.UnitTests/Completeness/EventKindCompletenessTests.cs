using System.Text.Json;
using System.Text.Json.Serialization;
using IpcPlayground.Cli.Output;
using IpcPlayground.Client.Services;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Exports;
using IpcPlayground.Runs;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.UnitTests.Completeness;

/// <summary>
/// Every event kind of the contract is on the wire, comes from somewhere, and reads in every place that shows
/// events: the page's event list, the CLI's table and the Perfetto export. A kind added to <see cref="EventKind"/>
/// and forgotten in one of them fails here (the renderers' switches have no default, so most fail to compile first).
/// </summary>
public sealed class EventKindCompletenessTests
{
    public static TheoryData<EventKind> Kinds => [.. Enum.GetValues<EventKind>()];

    /// <summary>
    /// A frame the supervisor sends for each kind; limit events are the coordinator's (cgroup counters), a predicted
    /// run's questions, answers and outcomes the predictor's (<see cref="PredictorEvents"/>).
    /// </summary>
    private static readonly Dictionary<EventKind, IRunFrame?> FrameOf = new()
    {
        [EventKind.RunStart] = new RunStartedFrame { T = 1 },
        [EventKind.ProcessStart] = new ProcessStartedFrame { T = 2, Process = "a", Pid = 2 },
        [EventKind.Syscall] = new StepEndFrame { T = 3, Process = "a", Pid = 2, Step = "0", Op = "write", Object = "p", Result = 2, Data = "hi"u8.ToArray() },
        [EventKind.Blocked] = new BlockedFrame { T = 4, Process = "a", Pid = 2, Step = "1", Op = "read", Object = "p", Call = "read", Since = 3, Wchan = "pipe_read" },
        [EventKind.Signal] = new SignalFrame { T = 5, Process = "a", Pid = 2, Signal = 10, Disposition = "handled" },
        [EventKind.Paused] = new HeldFrame { T = 6, Process = "a", Pid = 2, Step = "2", Op = "read", Object = "p" },
        [EventKind.State] = new StateFrame { T = 7, Process = "a", Pid = 2, Object = "p", State = new PipeState { Buffered = 2 } },
        [EventKind.ProcessExit] = new ProcessExitedFrame { T = 8, Process = "a", Pid = 2, ExitCode = 0 },
        [EventKind.Limit] = null,
        [EventKind.Error] = new FailureFrame { T = 9, Process = "a", Pid = 2, Message = "worker 'a' stopped" },
        [EventKind.RunEnd] = new RunEndedFrame { T = 10, Status = RunStatuses.Completed },
        [EventKind.Output] = new OutputFrame { T = 11, Process = "a", Pid = 2, Stream = OutputStreams.Stdout, Data = "3\n"u8.ToArray() },
        [EventKind.Question] = null,
        [EventKind.Answer] = null,
        [EventKind.Outcome] = null,
    };

    private static RunEvent Sample(EventKind kind)
    {
        if (kind is EventKind.Question or EventKind.Answer or EventKind.Outcome) return PredictorEvents.Of(kind);
        if (FrameOf[kind] is not { } frame) return new LimitEvent { Limit = "output", Message = "the run wrote more than it may" };
        var mapper = new FrameMapper("run1", new RunStartEvent { Name = "x", Sandbox = "bubblewrap", TimeoutMs = 1000 });
        mapper.Map(new RunStartedFrame { T = 0 });
        return mapper.Map(frame);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_is_one_type_on_the_wire(EventKind kind)
    {
        var name = EventKinds.NameOf(kind);
        var read = JsonSerializer.Deserialize($$"""{"kind":"{{name}}","seq":1,"tNs":0}""", ContractsJsonContext.Default.RunEvent);
        Assert.Equal(kind, read!.EventKind);
        Assert.Contains($"\"kind\":\"{name}\"", JsonSerializer.Serialize(read, ContractsJsonContext.Default.RunEvent), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_event_on_the_wire_carries_only_contract_fields(EventKind kind)
    {
        var json = JsonSerializer.SerializeToElement(Sample(kind) with { Seq = 1, RunId = "run1" }, ContractsJsonContext.Default.RunEvent);
        var names = json.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("kind", names[0]);
        Assert.DoesNotContain("eventKind", names);
        if (json.TryGetProperty("state", out var state))
            Assert.DoesNotContain(state.EnumerateObject(), p => p.Name is "typeName" or "kindOf");
    }

    public static TheoryData<string> RunFrames =>
        [.. typeof(IRunFrame).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), false).Cast<JsonDerivedTypeAttribute>().Select(a => a.DerivedType.Name)];

    [Theory]
    [MemberData(nameof(RunFrames))]
    public void Every_frame_the_supervisor_sends_the_server_becomes_an_event(string frameType)
    {
        var type = typeof(IRunFrame).Assembly.GetTypes().Single(t => t.Name == frameType);
        var frame = (IRunFrame)Activator.CreateInstance(type)!;
        var mapper = new FrameMapper("run1", new RunStartEvent { Name = "x" });
        mapper.Map(new RunStartedFrame { T = 0 });
        Assert.Contains(mapper.Map(frame).EventKind, Enum.GetValues<EventKind>());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_comes_from_a_frame_or_the_coordinator(EventKind kind) => Assert.Equal(kind, Sample(kind).EventKind);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_reads_in_the_event_list_the_CLI_and_the_trace_export(EventKind kind)
    {
        var e = Sample(kind) with { Seq = 1 };
        var text = EventText.Describe(e);
        Assert.False(string.IsNullOrWhiteSpace(text) || text == e.Kind, $"the event list shows a {e.Kind} event as '{text}'");

        var table = new StringWriter();
        new EventPrinter(table, table: true).Print(e);
        var row = table.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Contains(e.Kind, row, StringComparison.Ordinal);

        var trace = ChromeTraceExport.Write([Sample(EventKind.RunStart), e]);
        Assert.NotEmpty(JsonDocument.Parse(trace).RootElement.GetProperty("traceEvents").EnumerateArray());
    }
}

using IpcPlayground.Fidelity.Traces;

namespace IpcPlayground.UnitTests.Fidelity;

/// <summary>The comparison names where a run first parts from its C program, process by process, and what kind of difference it is.</summary>
public sealed class TraceComparisonTests
{
    private static ExperimentTrace Trace(string status, params (string Process, string[] Steps, string[] Signals, string End)[] processes)
    {
        var trace = new ExperimentTrace { Status = status };
        foreach (var (process, steps, signals, end) in processes)
        {
            trace.Process(process).Steps.AddRange(steps);
            trace.Process(process).Signals.AddRange(signals);
            trace.Process(process).End = end;
        }
        return trace;
    }

    [Fact]
    public void Identical_traces_agree()
    {
        var a = Trace("completed", ("a", ["0 write p = 5"], [], "code 0"));
        Assert.Empty(TraceComparison.Compare(a, Trace("completed", ("a", ["0 write p = 5"], [], "code 0"))));
    }

    [Fact]
    public void The_first_differing_step_is_shown_side_by_side_with_what_differs()
    {
        var program = Trace("completed", ("a", ["0 spawn b = pid", "1 write p = -1 EBADF", "2 sleep - = 0"], [], "code 0"));
        var run = Trace("completed", ("a", ["0 spawn b = pid", "1 write p = 1", "2 sleep - = 0"], [], "code 0"));

        var divergence = Assert.Single(TraceComparison.Compare(program, run));

        Assert.Equal("a", divergence.Process);
        Assert.Equal("step write result", divergence.Kind);
        var marked = divergence.Report.Split('\n').Single(l => l.StartsWith(" >> ", StringComparison.Ordinal));
        Assert.Contains("1 write p = -1 EBADF", marked, StringComparison.Ordinal);
        Assert.EndsWith("| 1 write p = 1", marked, StringComparison.Ordinal);
    }

    [Fact]
    public void Signals_ends_and_the_run_status_are_compared_too()
    {
        var program = Trace("completed", ("b", [], ["SIGSEGV default"], "signal SIGSEGV"));
        var run = Trace("failed", ("b", [], [], "code 0"));

        var kinds = TraceComparison.Compare(program, run).Select(d => d.Kind).ToList();

        Assert.Equal(["status", "signals", "exit"], kinds);
    }

    [Fact]
    public void A_step_the_playground_refused_is_named_as_such()
    {
        var program = Trace("completed", ("a", ["0 signal b = 0"], [], "code 0"));
        var run = Trace("failed", ("a", ["error: step 0 (signal b): 'b' is not running"], [], "code 0"));
        Assert.Contains(TraceComparison.Compare(program, run), d => d.Kind == "step signal refused by the playground");
    }
}

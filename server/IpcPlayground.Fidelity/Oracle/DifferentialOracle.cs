using System.Diagnostics;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Exports;
using IpcPlayground.Fidelity.Traces;

namespace IpcPlayground.Fidelity.Oracle;

/// <summary>One experiment judged: both traces, and where they part ways (nothing when the run behaved as its C program).</summary>
public sealed record OracleVerdict(
    Experiment Experiment,
    ExperimentTrace Program,
    ExperimentTrace Run,
    IReadOnlyList<Divergence> Divergences,
    CProgramOutcome ProgramOutcome,
    IReadOnlyList<RunEvent> Events,
    TimeSpan Elapsed)
{
    public bool Agrees => Divergences.Count == 0;

    public string Report() => Agrees ? "the run and its C program agree" : string.Join("\n", Divergences.Select(d => d.Report));
}

/// <summary>
/// The fidelity oracle: an experiment's run must behave exactly as its exported C program does in the same sandbox,
/// since the program is the plain C a person would write for it and the kernel is the judge.
/// </summary>
public sealed class DifferentialOracle(PlaygroundEngine engine)
{
    private readonly CProgramRunner _programs = new(engine.Sandbox);

    /// <param name="mask">Fields left out of the comparison because timing decides them (see <see cref="TraceMask"/>).</param>
    public async Task<OracleVerdict> CheckAsync(Experiment experiment, CancellationToken cancellationToken, TraceMask? mask = null)
    {
        var clock = Stopwatch.StartNew();
        var source = CProgramExport.Generate(experiment);
        var timeoutMs = CProgramExport.TimeoutMs(experiment);
        var program = _programs.CompileAndRunAsync(source, timeoutMs, cancellationToken);
        var run = engine.RunAsync(experiment, cancellationToken);
        var (outcome, events) = (await program, await run);
        var programTrace = CProgramTraceReader.Read(outcome.Trace, experiment, mask);
        var runTrace = RunTraceReader.Read(events, experiment, mask);
        return new OracleVerdict(experiment, programTrace, runTrace, TraceComparison.Compare(programTrace, runTrace), outcome, events, clock.Elapsed);
    }
}

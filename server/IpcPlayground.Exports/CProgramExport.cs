using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Exports.CProgram;
using IpcPlayground.Experiments;

namespace IpcPlayground.Exports;

/// <summary>
/// An experiment as one standalone C file that makes the same system calls as the playground's worker does for it,
/// prints a line per call to compare with the run's events, and exits 0 when every process has ended.
/// </summary>
public static class CProgramExport
{
    // Only the plan's objects and steps are used; the run settings do not change a single call.
    private static readonly PlanSettings Settings = new(DefaultTimeoutMs: 10_000, MaxTimeoutMs: 30_000, BlockedAfterMs: 5, ReorderWindowMs: 10);

    /// <summary>The C source.</summary>
    /// <exception cref="ArgumentException">The experiment is not valid; the message names each bad field by path.</exception>
    /// <exception cref="NotSupportedException">A step has no faithful C equivalent; the message names the step by path.</exception>
    public static string Generate(Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var errors = ExperimentValidator.Validate(experiment);
        if (errors.Count > 0)
            throw new ArgumentException(
                "the experiment is not valid: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")), nameof(experiment));
        var plan = RunPlanner.Plan("c-export", experiment, Settings);
        return new ProgramWriter(plan, experiment.Name ?? "experiment", experiment.Description).Write();
    }

    /// <summary>How long the program lets the experiment run before it kills what is left: the server's default and cap.</summary>
    public static int TimeoutMs(Experiment experiment) => RunPlanner.Plan("c-export", experiment, Settings).TimeoutMs;
}

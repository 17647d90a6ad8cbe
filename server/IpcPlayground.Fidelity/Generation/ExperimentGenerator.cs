using System.Globalization;

namespace IpcPlayground.Fidelity.Generation;

/// <summary>
/// Makes random valid experiments whose every step has one outcome, so a run and its C program must agree on each.
/// Processes take turns: exactly one runs at a time and hands the turn on through a System V queue (<c>turn</c>:
/// a message of type N lets process N go). A step that waits is taken only after the turn was handed on; the step
/// that lets it finish hands the turn back. A model of the kernel (<see cref="SimWorld"/>) tells in advance whether
/// a step returns, waits or wakes another, and refuses what timing would decide; what it refuses is not generated.
/// </summary>
public static class ExperimentGenerator
{
    public const string TurnQueue = "turn";

    public static GeneratedExperiment Generate(int seed, GeneratorOptions options) =>
        Generate(ChoiceSource.Seeded(seed), options, $"generated {seed.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The experiment these choices make (replayed choices make the same one again).</summary>
    public static GeneratedExperiment Generate(ChoiceSource choices, GeneratorOptions options, string name = "generated") =>
        new GenerationRun(choices, options, name).Generate();
}

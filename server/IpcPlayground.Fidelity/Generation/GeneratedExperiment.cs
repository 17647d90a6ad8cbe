using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Traces;

namespace IpcPlayground.Fidelity.Generation;

/// <summary>
/// A generated experiment, the choices that made it (to replay or shrink it), and the fields whose value depends on
/// timing though the rest of the run does not (the oracle leaves those out of the comparison).
/// </summary>
public sealed record GeneratedExperiment(Experiment Experiment, IReadOnlyList<int> Choices, TraceMask Mask);

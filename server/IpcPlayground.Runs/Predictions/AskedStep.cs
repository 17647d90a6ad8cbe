using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Predictions;

namespace IpcPlayground.Runs.Predictions;

/// <summary>A held step the person is asked about: its questions, their answers, and — once let go — what the call did.</summary>
internal sealed class AskedStep(PausedEvent held, Step? definition, string? objectType, IReadOnlyList<PredictionQuestion> questions,
    Dictionary<string, string> factsBefore, IReadOnlyList<string> wakeCandidates)
{
    public PausedEvent Held { get; } = held;
    public Step? Definition { get; } = definition;
    public string? ObjectType { get; } = objectType;
    public IReadOnlyList<PredictionQuestion> Questions { get; } = questions;
    public Dictionary<string, string> FactsBefore { get; } = factsBefore;
    public IReadOnlyList<string> WakeCandidates { get; } = wakeCandidates;
    public Dictionary<PredictionAbout, string> Answers { get; } = [];

    /// <summary>What the call did, by question, once its events showed it (null: the run ended first).</summary>
    public Dictionary<PredictionAbout, string?> Actual { get; } = [];

    /// <summary>The questions whose outcome event has been made.</summary>
    public HashSet<PredictionAbout> Told { get; } = [];

    public SyscallEvent? Call { get; set; }

    public bool FullyAnswered => Questions.All(q => Answers.ContainsKey(q.About));

    public bool Concerns(RunEvent e) =>
        e.Process == Held.Process && (e is not StepEvent step || (step.Step == Held.Step && step.Iteration == Held.Iteration));

    public T Describe<T>(T e) where T : StepEvent => e with
    {
        RunId = Held.RunId, Process = Held.Process, Pid = Held.Pid, Op = Held.Op, Object = Held.Object, Target = Held.Target,
        Signal = Held.Signal, Step = Held.Step, Iteration = Held.Iteration,
    };
}

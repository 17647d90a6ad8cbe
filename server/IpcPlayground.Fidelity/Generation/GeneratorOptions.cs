namespace IpcPlayground.Fidelity.Generation;

/// <summary>How big and how bold generated experiments are.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Processes of one experiment (roots and spawned children), at most.</summary>
    public int MaxProcesses { get; init; } = 4;

    /// <summary>Objects besides the turn queue, at most.</summary>
    public int MaxObjects { get; init; } = 4;

    /// <summary>Moves (a step or a few that belong together) of one experiment, at most.</summary>
    public int MaxMoves { get; init; } = 40;

    /// <summary>
    /// A sleep after which a call another process entered before it is surely under way, so a signal may interrupt
    /// it (EINTR) or a removal fail it (EIDRM). 0 leaves those out: they rest on time, which a loaded machine stretches.
    /// </summary>
    public int TimingMarginMs { get; init; }

    /// <summary>limits.timeoutMs of each experiment: what a deadlock the generator did not foresee costs.</summary>
    public int TimeoutMs { get; init; } = 5000;
}

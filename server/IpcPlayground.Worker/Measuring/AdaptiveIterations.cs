using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Measuring;

/// <summary>
/// Fits a cell's iteration count to its time budget: short loops, each four times (or more) the last, until one takes
/// an eighth of the budget; then the timed loop, scaled to about 60% of it. The short loops warm the path (and the
/// page cache, the scheduler's placement) before the loop whose figures count.
/// </summary>
internal static class AdaptiveIterations
{
    public const long MaxIterations = 1L << 30;

    /// <summary>The timed loop's figures and the iteration count it ran (for the C reference to run the same).</summary>
    public static (LoopFigures Figures, long Iterations) Run(Func<long, LoopFigures> loop, int budgetMs)
    {
        var budgetNs = budgetMs * 1_000_000L;
        long n = 8;
        while (true)
        {
            var trial = loop(n);
            if (trial.Reason is not null || trial.ElapsedNs is not { } elapsed) return (trial, n);
            if (elapsed >= budgetNs / 8 || n >= MaxIterations) return Timed(loop, n, elapsed, budgetNs);
            // Grow by what the last loop says the eighth needs, at least 4×, at most 64× (a first loop may be all start-up).
            var factor = Math.Clamp(budgetNs / 8 / Math.Max(1, elapsed), 4, 64);
            n = Math.Min(MaxIterations, n * factor);
        }
    }

    private static (LoopFigures, long) Timed(Func<long, LoopFigures> loop, long n, long elapsedNs, long budgetNs)
    {
        var timed = Math.Clamp((long)(n * (budgetNs * 0.6 / Math.Max(1, elapsedNs))), n, MaxIterations);
        return (loop(timed), timed);
    }
}

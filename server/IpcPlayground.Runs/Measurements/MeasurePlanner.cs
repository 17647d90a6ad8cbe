using IpcPlayground.Contracts.Measurements;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Runs.Measurements;

/// <summary>
/// A measurement request (valid, defaults filled in) → the plan <c>ipcplay-worker measure</c> reads: every mechanism ×
/// size in request order, and a time budget per loop that keeps the whole matrix within <see cref="MeasurementsOptions.MaxMatrixMs"/>.
/// Pure: no I/O, no clock.
/// </summary>
public static class MeasurePlanner
{
    /// <summary>The least a loop is given: below it a cell is mostly start-up and its figures mean little.</summary>
    public const int MinCellBudgetMs = 40;

    /// <summary>The most a loop is given: a second already settles a figure to within a few percent.</summary>
    public const int MaxCellBudgetMs = 1000;

    /// <summary>How many times its loops' budgets a measurement may take before it is killed (start-up, warm-up, a slow machine).</summary>
    public const int DeadlineFactor = 3;

    public static MeasurePlan Plan(MeasurementRequest request, int maxMatrixMs, bool seccomp)
    {
        var cells = request.Mechanisms!.SelectMany(mechanism => request.Sizes!.Select(size => new MeasureCellPlan(mechanism, size))).ToList();
        var reference = request.Reference ?? true;
        return new MeasurePlan
        {
            Cells = cells,
            Pattern = request.Pattern!,
            Cpus = request.Cpus!,
            Reference = reference,
            Seccomp = seccomp,
            CellBudgetMs = CellBudgetMs(cells.Count, reference, maxMatrixMs),
        };
    }

    /// <summary>The matrix's time shared out among its loops (two a cell with the C reference), within [<see cref="MinCellBudgetMs"/>, <see cref="MaxCellBudgetMs"/>].</summary>
    public static int CellBudgetMs(int cells, bool reference, int maxMatrixMs) =>
        Math.Clamp(maxMatrixMs / Math.Max(1, cells) / LoopsPerCell(reference), MinCellBudgetMs, MaxCellBudgetMs);

    /// <summary>How long the sandbox may take in all before it is killed and the measurement ends with <c>limit</c>.</summary>
    public static TimeSpan Deadline(MeasurePlan plan, int slackMs) =>
        TimeSpan.FromMilliseconds((long)plan.Cells.Count * plan.CellBudgetMs * LoopsPerCell(plan.Reference) * DeadlineFactor + slackMs);

    private static int LoopsPerCell(bool reference) => reference ? 2 : 1;
}

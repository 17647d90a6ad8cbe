using IpcPlayground.Contracts.Measurements;
using IpcPlayground.Runs.Measurements;
using IpcPlayground.Sandbox;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.UnitTests;

/// <summary>A request becomes the worker's plan: every mechanism × size in order, and budgets that keep the matrix within its time.</summary>
public sealed class MeasurePlannerTests
{
    [Fact]
    public void The_cells_are_every_mechanism_times_every_size_in_request_order_with_the_request_and_a_runs_limits()
    {
        var request = new MeasurementRequest { Mechanisms = ["shm-ring", "eventfd"], Sizes = [4096, 64], Pattern = "ping-pong", Cpus = "different", Reference = false }.WithDefaults();

        var plan = MeasurePlanner.Plan(request, maxMatrixMs: 16_000, new SandboxOptions { CpuSecondsPerProcess = 7, OpenFiles = 300, PosixQueueBytes = 9000, Seccomp = true });

        Assert.Equal([new MeasureCellPlan("shm-ring", 4096), new("shm-ring", 64), new("eventfd", 4096), new("eventfd", 64)], plan.Cells);
        Assert.Equal(("ping-pong", "different", false), (plan.Pattern, plan.Cpus, plan.Reference));
        Assert.Equal((7, 300, 9000L, true), (plan.CpuSecondsPerProcess, plan.OpenFiles, plan.PosixQueueBytes, plan.Seccomp));
        Assert.Equal(1000, plan.CellBudgetMs);
    }

    [Theory]
    // The default matrix, 21 cells with the C loop beside each: 16000 / 21 / 2.
    [InlineData(21, true, 16_000, 380)]
    [InlineData(21, false, 16_000, 761)]
    // Few cells: at most a second a loop.
    [InlineData(1, true, 16_000, 1000)]
    // The largest matrix a request may ask for, 11 × 8 cells: at least 40 ms a loop, whatever that makes the whole.
    [InlineData(88, true, 16_000, 90)]
    [InlineData(88, true, 1000, 40)]
    [InlineData(3, true, 1200, 200)]
    public void A_cells_budget_shares_the_matrix_time_among_its_loops_within_40_ms_to_a_second(int cells, bool reference, int maxMatrixMs, int budget) =>
        Assert.Equal(budget, MeasurePlanner.CellBudgetMs(cells, reference, maxMatrixMs));

    [Theory]
    [InlineData(true, 21 * 380 * 2 * 3 + 10_000)]
    [InlineData(false, 21 * 761 * 3 + 10_000)]
    public void The_deadline_is_three_times_the_loops_budgets_and_the_slack(bool reference, long deadlineMs)
    {
        var request = new MeasurementRequest { Reference = reference }.WithDefaults();
        var plan = MeasurePlanner.Plan(request, maxMatrixMs: 16_000, new SandboxOptions { Seccomp = false });

        Assert.Equal(21, plan.Cells.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(deadlineMs), MeasurePlanner.Deadline(plan, slackMs: 10_000));
    }
}

using IpcPlayground.Contracts.Events;
using IpcPlayground.Runs;
using Microsoft.Extensions.Options;

namespace IpcPlayground.UnitTests;

/// <summary>Finished runs stay in memory within a byte budget; the oldest go first, running ones never.</summary>
public sealed class RunRegistryTests
{
    private static Run Finished(RunRegistry registry, int bytes)
    {
        var run = registry.Create("r");
        run.CountEventBytes(bytes);
        run.Append([new RunEndEvent { Status = RunStatuses.Completed }]);
        return run;
    }

    [Fact]
    public void Over_the_byte_budget_the_oldest_finished_runs_are_let_go_and_running_ones_stay()
    {
        var registry = new RunRegistry(Options.Create(new RunsOptions { RetainedEventBytes = 3 << 20 }), TimeProvider.System);
        var running = registry.Create("running");
        running.CountEventBytes(2 << 20);
        var oldest = Finished(registry, 1 << 20);
        var middle = Finished(registry, 1 << 20);
        var newest = Finished(registry, 1 << 20);

        registry.Prune();

        Assert.Null(registry.Find(oldest.Id));
        Assert.Null(registry.Find(middle.Id));
        Assert.NotNull(registry.Find(newest.Id));
        Assert.NotNull(registry.Find(running.Id));
        Assert.True(registry.RetainedBytes <= 3 << 20);
    }
}

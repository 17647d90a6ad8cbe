using System.Globalization;
using IpcPlayground.Benchmarks.WorkshopLoad;

namespace IpcPlayground.Benchmarks;

/// <summary>
/// How many workshop participants one server instance holds with event → client p99 under 100 ms, and two instances
/// (Redis backplane, PostgreSQL) on the same machine. Ramps the room until p99 reaches 100 ms, a run fails, or more than 1% are refused.
/// With <c>spotlight</c>, the whole room also watches the first participant's runs, and the spotlight's latency counts too.
/// </summary>
public static class WorkshopLoadBenchmark
{
    private const double LatencyBudgetMs = 100;
    public static async Task RunAsync(IReadOnlyList<int> rooms, TimeSpan period, bool spotlight)
    {
        // Every participant runs at least twice in a step.
        var step = TimeSpan.FromSeconds(Math.Max(25, 2 * period.TotalSeconds));
        Console.WriteLine($"Workshop load: each participant runs a lesson every {period.TotalSeconds:0} s (pipe-byte-stream or semaphore-admits-two,");
        Console.WriteLine($"staggered) and follows it on the run hub; {step.TotalSeconds:0} s per step; latency = coordinator publish → client receive.");
        if (spotlight) Console.WriteLine("The instructor spotlights the first participant: everyone else follows each of their runs (spot = those events, over every watcher; follows = joins of a new spotlighted run).");
        Console.WriteLine($"{Environment.ProcessorCount} cores; settings: {string.Join(", ", LoadCluster.Settings.Select(s => $"{s.Key}={s.Value}"))}");
        Console.WriteLine($"{"instances",9} {"particip.",9} {"runs ok",8} {"refused",8} {"failed",7} {"events",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"cpu %",6} {"own %",6} {"load1",6} {"board",7}{(spotlight ? $" {"spot p50",8} {"spot p99",8} {"spot max",8} {"follows",7}" : "")}");
        await using (var one = LoadCluster.StartOne()) await RampAsync(one, rooms, step, period, spotlight);
        await using (var two = await LoadCluster.StartTwoAsync()) await RampAsync(two, rooms, step, period, spotlight);
    }

    private static async Task RampAsync(LoadCluster cluster, IReadOnlyList<int> rooms, TimeSpan step, TimeSpan period, bool spotlight)
    {
        await LoadStep.RunAsync(cluster, 2, TimeSpan.FromSeconds(6), period); // warm up: JIT, connection pools, the database
        foreach (var participants in rooms)
        {
            var machine = new MachineLoad();
            var errorsBefore = cluster.LoggedErrors.Count;
            var stats = await LoadStep.RunAsync(cluster, participants, step, period, spotlight);
            // A step with no live spotlight event (the spotlighted runs ended before anyone joined) is judged on its own runs.
            var p99 = spotlight && !double.IsNaN(stats.SpotlightQuantile(0.99)) ? Math.Max(stats.Quantile(0.99), stats.SpotlightQuantile(0.99)) : stats.Quantile(0.99);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{cluster.Servers.Count,9} {participants,9} {stats.Completed,8} {stats.Refused,8} {stats.Failed,7} {stats.Events,8} {stats.Quantile(0.5),8:0.0} {stats.Quantile(0.95),8:0.0} {stats.Quantile(0.99),8:0.0} {stats.Quantile(1),8:0.0} {machine.CpuPercent(),6:0} {machine.OwnCpuPercent(),6:0} {MachineLoad.LoadAverage(),6:0.0} {stats.BoardUpdates,7}{(spotlight ? $" {stats.SpotlightQuantile(0.5),8:0.0} {stats.SpotlightQuantile(0.99),8:0.0} {stats.SpotlightQuantile(1),8:0.0} {stats.SpotlightFollows,7}" : "")}"));
            foreach (var (how, count) in stats.Failures) Console.WriteLine($"{"",9} failed {count}×: {how}");
            foreach (var (limit, count) in stats.Refusals) Console.WriteLine($"{"",9} refused {count}×: {limit}");
            foreach (var error in cluster.LoggedErrors.Skip(errorsBefore).Select(e => e.Split('\n')[0]).Distinct().Take(5))
                Console.WriteLine($"{"",9} server error: {error}");
            if (p99 >= LatencyBudgetMs || stats.Failed > 0 || stats.Refused * 100 > stats.Completed || double.IsNaN(p99)) break;
        }
    }
}

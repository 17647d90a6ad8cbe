using System.Diagnostics;
using System.Globalization;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;

namespace IpcPlayground.Benchmarks.Soak;

/// <summary>
/// <c>soak [--minutes M] [--clients N] [--every SECONDS]</c>: the server as its own process with its default settings,
/// and N simulated people, each at their own loopback address, mixing small runs, large-output runs, runs in step
/// mode, shares and workshop joins for M minutes. Prints, over time, the server's RSS, the event bytes it keeps, its
/// live sandboxes, refusals by reason and the p99 of each action; then the start, peak and end. Loopback only, and it
/// stops by itself.
/// </summary>
public static class SoakBenchmark
{
    public static async Task RunAsync(TimeSpan duration, int clients, TimeSpan every)
    {
        Console.WriteLine($"soak: {clients} clients for {duration.TotalMinutes:0.#} min, the server with its default settings, sampled every {every.TotalSeconds:0} s");
        using var server = await ServerProcess.StartAsync();
        // A room for every four people, so joins meet the rooms' join rates before their seats run out.
        var workshops = new WorkshopApi(server.Http);
        var rooms = new List<CreatedWorkshop>();
        for (var i = 0; i < Math.Max(1, clients / 4); i++)
            rooms.Add(await workshops.CreateAsync($"Soak {i}", new WorkshopExperimentSource(Lesson: "pipe-byte-stream")));
        var stats = new SoakStats();
        using var stop = new CancellationTokenSource(duration);
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

        var people = Enumerable.Range(0, clients).Select(i => new SoakClient(i, server.Http.BaseAddress!, rooms[i % rooms.Count].JoinCode, stats)).ToList();
        var running = people.Select(p => Task.Run(() => p.RunAsync(stop.Token))).ToList();

        var start = await SampleAsync(server);
        var peak = start;
        Console.WriteLine($"{"t (s)",6} {"RSS MB",7} {"kept MB",8} {"sandboxes",9} {"done",6}  p99 ms by action (count)  ·  refusals");
        Print(0, start, stats.DoneCount, new Dictionary<string, (int, double)>(), new Dictionary<string, int>());
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(every, stop.Token); }
            catch (OperationCanceledException) { }
            var sample = await SampleAsync(server);
            peak = new(Math.Max(peak.RssBytes, sample.RssBytes), Math.Max(peak.KeptBytes, sample.KeptBytes), Math.Max(peak.Sandboxes, sample.Sandboxes), sample.Refused);
            var (latency, refusals) = stats.TakeInterval();
            Print(clock.Elapsed.TotalSeconds, sample, stats.DoneCount, latency, refusals);
        }
        await Task.WhenAll(running);
        foreach (var person in people) person.Dispose();

        // Once every client has stopped, what the server settles back to.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var end = await SampleAsync(server);
        Console.WriteLine();
        Console.WriteLine($"RSS: {Mb(start.RssBytes)} MB at start, {Mb(peak.RssBytes)} MB at peak, {Mb(end.RssBytes)} MB at the end (VmHWM {Mb(server.Memory().Peak)} MB)");
        Console.WriteLine($"event bytes kept in memory: {Mb(start.KeptBytes)} MB at start, {Mb(peak.KeptBytes)} MB at peak, {Mb(end.KeptBytes)} MB at the end");
        Console.WriteLine($"live sandboxes at peak: {peak.Sandboxes}; actions done: {stats.DoneCount}; transport errors: {stats.Errors}");
        Console.WriteLine("p99 over the whole soak: " + string.Join(", ", stats.AllLatency.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value.P99:0} ms ({p.Value.Count})")));
        Console.WriteLine("refusals seen by clients: " + (stats.AllRefusals.Count == 0 ? "none" : string.Join(", ", stats.AllRefusals.OrderBy(p => p.Key).Select(p => $"{p.Key} x{p.Value}"))));
        Console.WriteLine("refused runs by reason (ipcplay_runs_refused_total): " + (end.Refused.Count == 0 ? "none" : string.Join(", ", end.Refused.Select(p => $"{p.Key} {p.Value}"))));
    }

    private sealed record Sample(long RssBytes, long KeptBytes, long Sandboxes, IReadOnlyDictionary<string, long> Refused);

    private static async Task<Sample> SampleAsync(ServerProcess server)
    {
        var metrics = await server.Http.GetStringAsync("/metrics");
        return new(server.Memory().Rss, (long)(PrometheusText.Value(metrics, "ipcplay_runs_retained_bytes") ?? 0),
            (long)(PrometheusText.Value(metrics, "ipcplay_sandboxes_live") ?? 0),
            PrometheusText.ByLabel(metrics, "ipcplay_runs_refused_total", "reason").ToDictionary(p => p.Key, p => (long)p.Value));
    }

    private static void Print(double seconds, Sample sample, int done, IReadOnlyDictionary<string, (int Count, double P99)> latency, IReadOnlyDictionary<string, int> refusals)
    {
        var actions = string.Join(" ", latency.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.P99:0} ({p.Value.Count})")));
        var refused = refusals.Count == 0 ? "" : "  ·  " + string.Join(", ", refusals.OrderBy(p => p.Key).Select(p => $"{p.Key} x{p.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds,6:0} {Mb(sample.RssBytes),7} {Mb(sample.KeptBytes),8} {sample.Sandboxes,9} {done,6}  ") + actions + refused);
    }

    private static long Mb(long bytes) => bytes >> 20;
}

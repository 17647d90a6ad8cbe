using System.Globalization;
using IpcPlayground.Benchmarks;

// dotnet run -c Release --project tests/IpcPlayground.Benchmarks [-- startup [RUNS] | ipc [REPEATS] | firstload [LOADS] | workshop-load [--every SECONDS] [PARTICIPANTS...]]
var which = args.FirstOrDefault() ?? "all";
var count = args.Length > 1 && int.TryParse(args[1], out var n) ? n : (int?)null;
if (which is "startup" or "all") await StartupLatency.RunAsync(count ?? 20);
if (which is "ipc" or "all") await IpcThroughput.RunAsync(count ?? 5);
if (which is "firstload" or "all") await FirstLoad.RunAsync(count ?? 5);
if (which is "workshop-load" or "all")
{
    var rest = args.Skip(1).ToList();
    var at = rest.IndexOf("--every");
    var every = at >= 0 && at + 1 < rest.Count ? int.Parse(rest[at + 1], CultureInfo.InvariantCulture) : 5;
    if (at >= 0) rest.RemoveRange(at, Math.Min(2, rest.Count - at));
    await WorkshopLoadBenchmark.RunAsync(rest.Count > 0 ? [.. rest.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [5, 10, 20, 30, 40, 60, 80, 100, 150, 200, 300],
        TimeSpan.FromSeconds(every));
}

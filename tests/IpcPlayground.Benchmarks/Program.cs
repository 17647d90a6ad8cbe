using System.Globalization;
using IpcPlayground.Benchmarks;

// dotnet run -c Release --project tests/IpcPlayground.Benchmarks [-- startup [RUNS] | ipc [REPEATS] | firstload [LOADS] | workshop-load [PARTICIPANTS...]]
var which = args.FirstOrDefault() ?? "all";
var count = args.Length > 1 && int.TryParse(args[1], out var n) ? n : (int?)null;
if (which is "startup" or "all") await StartupLatency.RunAsync(count ?? 20);
if (which is "ipc" or "all") await IpcThroughput.RunAsync(count ?? 5);
if (which is "firstload" or "all") await FirstLoad.RunAsync(count ?? 5);
if (which is "workshop-load" or "all")
    await WorkshopLoadBenchmark.RunAsync(args.Length > 1 ? [.. args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [5, 10, 20, 30, 40, 60, 80, 100, 150, 200, 300]);

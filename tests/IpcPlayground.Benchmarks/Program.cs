using IpcPlayground.Benchmarks;

// dotnet run -c Release --project tests/IpcPlayground.Benchmarks [-- startup [RUNS] | ipc [REPEATS] | firstload [LOADS]]
var which = args.FirstOrDefault() ?? "all";
var count = args.Length > 1 && int.TryParse(args[1], out var n) ? n : (int?)null;
if (which is "startup" or "all") await StartupLatency.RunAsync(count ?? 20);
if (which is "ipc" or "all") await IpcThroughput.RunAsync(count ?? 5);
if (which is "firstload" or "all") await FirstLoad.RunAsync(count ?? 5);

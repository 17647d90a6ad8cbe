using IpcPlayground.Benchmarks;

// dotnet run -c Release --project tests/IpcPlayground.Benchmarks [-- runs]
var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 20;
await StartupLatency.RunAsync(runs);

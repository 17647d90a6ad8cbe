using System.Globalization;
using IpcPlayground.Benchmarks;

// dotnet run -c Release --project tests/IpcPlayground.Benchmarks [-- startup [RUNS] | ipc [REPEATS] | firstload [LOADS]
//   | workshop-load [--every SECONDS] [--spotlight] [PARTICIPANTS...] | board [--every SECONDS] [PARTICIPANTS...]
//   | soak [--minutes M] [--clients N] [--every SECONDS] | predict-load [PARTICIPANTS]]  (soak is not part of "all": it takes ten minutes)
var which = args.FirstOrDefault() ?? "all";
var count = args.Length > 1 && int.TryParse(args[1], out var n) ? n : (int?)null;
if (which is "startup" or "all") await StartupLatency.RunAsync(count ?? 20);
if (which is "ipc" or "all") await IpcThroughput.RunAsync(count ?? 5);
if (which is "firstload" or "all") await FirstLoad.RunAsync(count ?? 5);
if (which is "workshop-load" or "all")
{
    var (rooms, every) = Room(args, [5, 10, 20, 30, 40, 60, 80, 100, 150, 200, 300], everySeconds: 5);
    await WorkshopLoadBenchmark.RunAsync(rooms, every, spotlight: args.Contains("--spotlight"));
}
if (which is "predict-load" or "all") await PredictLoadBenchmark.RunAsync(count ?? 100);
if (which == "soak")
{
    string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    await IpcPlayground.Benchmarks.Soak.SoakBenchmark.RunAsync(
        TimeSpan.FromMinutes(double.Parse(Option("--minutes") ?? "10", CultureInfo.InvariantCulture)),
        int.Parse(Option("--clients") ?? "24", CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(int.Parse(Option("--every") ?? "30", CultureInfo.InvariantCulture)));
}
if (which is "board" or "all")
{
    var (rooms, every) = Room(args, [100, 300, 500], everySeconds: 30);
    await BoardRender.RunAsync(rooms, every);
}

// The room sizes and "--every SECONDS" after the benchmark's name.
static (IReadOnlyList<int> Rooms, TimeSpan Every) Room(string[] args, int[] defaultRooms, int everySeconds)
{
    var rest = args.Skip(1).Where(a => a != "--spotlight").ToList();
    var at = rest.IndexOf("--every");
    if (at >= 0 && at + 1 < rest.Count) everySeconds = int.Parse(rest[at + 1], CultureInfo.InvariantCulture);
    if (at >= 0) rest.RemoveRange(at, Math.Min(2, rest.Count - at));
    if (rest.FirstOrDefault(a => !int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1) is { } bad)
    {
        Console.Error.WriteLine($"'{bad}' is not a room size (a whole number of participants) nor --every SECONDS or --spotlight");
        Environment.Exit(2);
    }
    var rooms = rest.Count > 0 ? [.. rest.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : defaultRooms;
    return (rooms, TimeSpan.FromSeconds(everySeconds));
}

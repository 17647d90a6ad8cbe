using System.Diagnostics;
using System.Globalization;
using System.Net;
using IpcPlayground.Benchmarks.PredictLoad;
using IpcPlayground.Benchmarks.WorkshopLoad;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;

namespace IpcPlayground.Benchmarks;

/// <summary>
/// <c>predict-load [PARTICIPANTS]</c> (100 by default): a workshop room predicts one experiment together. The server
/// runs as its own process (so the simulated clients' CPU is this process's own); each participant joins over HTTP,
/// starts their own predicted run of the lesson pipe-empty-blocks in a real sandbox and waits for its first question
/// (the reader's read of the empty pipe); then the whole room answers at once. Latency is answer → board: from an
/// answer's POST being sent to the first <c>PredictionTallied</c> on the instructor's connection that counts it. The
/// board counts answers, not whose, so the k-th answer sent counts as shown once a tally counts k (exact when the server
/// takes them in the order sent). Loopback only; it stops by itself.
/// </summary>
public static class PredictLoadBenchmark
{
    private const string Lesson = "pipe-empty-blocks";
    private static readonly TimeSpan BoardPatience = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(int participants)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Workshops:ConcurrentRunsPerWorkshop"] = Invariant(Math.Max(100, participants)),
            ["Workshops:JoinsPerWorkshopPerMinute"] = Invariant(Math.Max(120, participants)),
            ["Runs:MaxRoomPredictionRuns"] = Invariant(Math.Max(200, participants)),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        Console.WriteLine($"Predict load: {participants} participants, each with a predicted run of {Lesson} in its own sandbox, answer its first question at once.");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {MachineLoad.LoadAverage():0.0} at start; server as its own process with "
            + string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}")));
        var server = StopOnSignal.Own(new OwnedServer(await ServerProcess.StartAsync(settings)));
        try { await MeasureAsync(server.Process, participants); }
        finally
        {
            await server.DisposeAsync();
            StopOnSignal.Release(server);
        }
    }

    private static async Task MeasureAsync(ServerProcess server, int participants)
    {
        var uri = server.Http.BaseAddress!;
        var created = await new WorkshopApi(server.Http).CreateAsync("Predict load", new WorkshopExperimentSource(Lesson: Lesson));
        await using var board = await TallyWatch.OpenAsync(uri, created.InstructorKey);
        var predictions = new RoomPredictionApi(server.Http, created.WorkshopId);
        using var info = await new WorkshopApi(server.Http).GetAsync($"/api/workshops/{created.WorkshopId}", created.InstructorKey);
        var experimentId = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync(info.Content,
            IpcPlayground.Contracts.Json.ContractsJsonContext.Default.WorkshopInfo))!.Experiments[0].ExperimentId;
        await predictions.StartAsync(created.InstructorKey, experimentId);

        var available = ProcessCpu.MemoryAvailable();
        var rssBefore = server.Memory().Rss;
        var clock = Stopwatch.StartNew();
        await using var room = await PredictingRoom.JoinAsync([uri], created.JoinCode, participants);
        var joined = clock.Elapsed;
        await room.StartRunsAsync();
        var started = clock.Elapsed;
        var questions = await room.FirstQuestionsAsync();
        var asked = clock.Elapsed;
        var heldBytes = available - ProcessCpu.MemoryAvailable();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"joined in {joined.TotalSeconds:0.0} s; runs started in {(started - joined).TotalSeconds:0.0} s; every first question asked {(asked - started).TotalSeconds:0.0} s later"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{participants} held runs: machine memory in use +{heldBytes / 1048576.0:0} MB ({heldBytes / 1048576.0 / participants:0.0} MB a run), server RSS {rssBefore / 1048576.0:0} → {server.Memory().Rss / 1048576.0:0} MB"));

        // What a room of held runs costs while it waits for its people: once the parents' one-second sleep (which the
        // lesson's runs go through while their readers' questions are open) is over.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var idle = (Machine: new MachineLoad(), Tree: ProcessCpu.TreeOf(server.Process.Id), Server: ProcessCpu.Of(server.Process.Id), Clock: Stopwatch.StartNew());
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idleSeconds = idle.Clock.Elapsed.TotalSeconds;
        var idleServer = ProcessCpu.Of(server.Process.Id) - idle.Server;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held, waiting for answers ({idleSeconds:0.0} s): machine {idle.Machine.CpuPercent():0}% of {Environment.ProcessorCount} cores; server {100 * idleServer / idleSeconds:0.0}% of a core, its sandboxes {100 * (ProcessCpu.TreeOf(server.Process.Id) - idle.Tree - idleServer) / idleSeconds:0.0}%"));

        var clientsBefore = ProcessCpu.Of(Environment.ProcessId);
        var serverBefore = ProcessCpu.Of(server.Process.Id);
        var treeBefore = ProcessCpu.TreeOf(server.Process.Id);
        var machine = new MachineLoad();
        var sends = new long[participants];
        var acks = new long[participants];
        var statuses = await Task.WhenAll(room.Participants.Select(async (p, i) =>
        {
            sends[i] = Stopwatch.GetTimestamp();
            var status = await p.AnswerAsync(questions[i], i % 3 == 2 ? "returns" : "blocks");
            acks[i] = Stopwatch.GetTimestamp();
            return status;
        }));
        var refused = statuses.Count(s => s != HttpStatusCode.Accepted);
        var taken = participants - refused;
        var allShown = await board.WaitForAsync(t => t.Answered >= taken, BoardPatience);
        var serverSpent = ProcessCpu.Of(server.Process.Id) - serverBefore;
        var cpu = (Machine: machine.CpuPercent(), Clients: ProcessCpu.Of(Environment.ProcessId) - clientsBefore, Server: serverSpent,
            Sandboxes: ProcessCpu.TreeOf(server.Process.Id) - treeBefore - serverSpent);
        var allJudged = await board.WaitForAsync(t => t.Outcomes.Sum(o => o.Count) >= taken, BoardPatience);

        var firstSend = sends.Min();
        var tallies = board.Tallies.Where(t => t.At >= firstSend).ToList();
        var latencies = RankMatched(sends, tallies.Select(t => (t.At, t.Tally.Answered)).ToList());
        var roundTrips = sends.Zip(acks, (s, a) => Ms(a - s)).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"answers: {taken} taken, {refused} refused{string.Concat(statuses.Where(st => st != HttpStatusCode.Accepted).CountBy(st => st).Select(c => $" ({(int)c.Key} ×{c.Value})"))}; answer POST round trip p50 {Quantile.Of(roundTrips, 0.5):0.0} ms, p99 {Quantile.Of(roundTrips, 0.99):0.0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"answer → board (rank-matched, {latencies.Count} answers, {tallies.Count} tallies): p50 {Quantile.Of(latencies, 0.5):0.0} ms, p99 {Quantile.Of(latencies, 0.99):0.0} ms, max {Quantile.Of(latencies, 1):0.0} ms"));
        if (allShown is { } shown)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"every answer on the board {Ms(shown - firstSend):0} ms after the first was sent: {taken / (Ms(shown - firstSend) / 1000):0} answers/s"));
        else Console.WriteLine($"the board did not count all {taken} answers within {BoardPatience.TotalSeconds:0} s");
        if (allJudged is { } judged)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"every outcome (what the real call did) on the board {Ms(judged - firstSend):0} ms after the first answer was sent"));
        var stored = await predictions.AggregateAsync(created.InstructorKey);
        var storedAnswers = stored.Steps.Count > 0 ? stored.Steps[0].Answered : 0;
        if (storedAnswers != taken) Console.WriteLine($"the store counts {storedAnswers} answers of {taken} taken");
        foreach (var line in server.LogLinesWith("fail").Concat(server.LogLinesWith("rror")).Distinct().Take(10)) Console.WriteLine("server: " + line);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU from the first answer to the board counting all: machine {cpu.Machine:0}% of {Environment.ProcessorCount} cores; simulated clients {cpu.Clients:0.00} s, server {cpu.Server:0.00} s, its sandboxes {cpu.Sandboxes:0.00} s; load average {MachineLoad.LoadAverage():0.0}"));
    }

    /// <summary>
    /// For the k-th answer sent, the time until the first tally counting at least k answers (ms); answers no tally
    /// counted are left out (the line before says whether all were).
    /// </summary>
    private static List<double> RankMatched(long[] sends, IReadOnlyList<(long At, int Answered)> tallies)
    {
        var latencies = new List<double>();
        var ordered = sends.Order().ToArray();
        for (var k = 1; k <= ordered.Length; k++)
            if (tallies.FirstOrDefault(t => t.Answered >= k) is { At: > 0 } shown)
                latencies.Add(Ms(Math.Max(0, shown.At - ordered[k - 1])));
        latencies.Sort();
        return latencies;
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The server process as something <see cref="StopOnSignal"/> can take down.</summary>
    private sealed class OwnedServer(ServerProcess process) : IAsyncDisposable
    {
        public ServerProcess Process { get; } = process;

        public ValueTask DisposeAsync()
        {
            Process.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

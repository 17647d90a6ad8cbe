using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IpcPlayground.Testing;

namespace IpcPlayground.Benchmarks;

/// <summary>
/// Time from POST /api/runs to the first worker event (the first process-start) as a client reading the NDJSON
/// stream sees it, plus where that time goes inside the run, for the contract's pipe example.
/// </summary>
public static class StartupLatency
{
    public static async Task RunAsync(int runs)
    {
        await using var server = new PlaygroundServer();
        using var http = server.CreateLoopbackClient();
        var experiment = SampleExperiments.PipeByteStream;

        for (var i = 0; i < 3; i++) await MeasureAsync(http, experiment); // warm up JIT, page cache, connection
        var samples = new List<Sample>();
        for (var i = 0; i < runs; i++) samples.Add(await MeasureAsync(http, experiment));

        Console.WriteLine($"Run start-up, {runs} runs of 'A pipe is a byte stream' (bubblewrap + NativeAOT worker), milliseconds:");
        Console.WriteLine($"{"measure",-46} {"median",8} {"p90",8} {"min",8} {"max",8}");
        Print("POST /api/runs → 202", samples.Select(s => s.Accepted));
        Print("POST → first worker event seen by client", samples.Select(s => s.FirstWorkerEvent));
        Print("in run: sandbox start → first process-start", samples.Select(s => s.RootStartInRun));
        Print("in run: spawn returned → child process-start", samples.Select(s => s.ChildStartAfterSpawn));
        Print("POST → run-end seen by client", samples.Select(s => s.RunEnd));
    }

    private sealed record Sample(double Accepted, double FirstWorkerEvent, double RootStartInRun, double ChildStartAfterSpawn, double RunEnd);

    private static async Task<Sample> MeasureAsync(HttpClient http, string experiment)
    {
        var clock = Stopwatch.StartNew();
        using var post = await http.PostAsync("/api/runs", new StringContent(experiment, Encoding.UTF8, "application/json"));
        var accepted = clock.Elapsed.TotalMilliseconds;
        var runId = JsonNode.Parse(await post.Content.ReadAsStringAsync())!["runId"]!.GetValue<string>();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        double? first = null;
        var events = new List<JsonObject>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var e = JsonNode.Parse(line)!.AsObject();
            events.Add(e);
            if (first is null && e.Kind() == "process-start") first = clock.Elapsed.TotalMilliseconds;
        }
        var runEnd = clock.Elapsed.TotalMilliseconds;
        var rootStart = events.First(e => e.Is("process-start", "parent")).Long("tNs") / 1e6;
        var spawn = events.First(e => e.Is("syscall", "parent", "spawn")).Long("tNs") / 1e6;
        var childStart = events.First(e => e.Is("process-start", "child")).Long("tNs") / 1e6;
        return new Sample(accepted, first ?? double.NaN, rootStart, childStart - spawn, runEnd);
    }

    private static void Print(string name, IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double q) => Quantile.Of(sorted, q);
        string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"{name,-46} {F(At(0.5)),8} {F(At(0.9)),8} {F(sorted[0]),8} {F(sorted[^1]),8}");
    }
}

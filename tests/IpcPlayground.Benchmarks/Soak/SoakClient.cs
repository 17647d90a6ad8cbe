using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using IpcPlayground.Testing;

namespace IpcPlayground.Benchmarks.Soak;

/// <summary>
/// One simulated person at their own loopback address (127.0.0.N), so the server's per-address slots and quotas see
/// many clients: they start small runs, large-output runs and runs in step mode, share experiments and join a
/// workshop, with a pause between actions, until told to stop.
/// </summary>
internal sealed class SoakClient(int number, Uri server, string joinCode, SoakStats stats) : IDisposable
{

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        // Every request of this client leaves from its own address of 127.0.0.0/8.
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse($"127.0.{1 + number / 250}.{2 + number % 250}"), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };

    private readonly Random _random = new(number);

    public async Task RunAsync(CancellationToken stop)
    {
        var api = new RunApi(_http);
        while (!stop.IsCancellationRequested)
        {
            var roll = _random.Next(100);
            var clock = Stopwatch.StartNew();
            try
            {
                var (action, done) = roll switch
                {
                    < 50 => ("small-run", await RunAsync(api, SampleExperiments.PipeByteStream)),
                    < 60 => ("large-run", await RunAsync(api, SampleExperiments.LargeOutput)),
                    < 75 => ("share", await ShareAsync()),
                    < 85 => ("step-run", await StepRunAsync(api)),
                    _ => ("join", await JoinAsync()),
                };
                if (done) stats.Done(action, clock.Elapsed);
            }
            catch (Exception e) when (!stop.IsCancellationRequested
                && e is HttpRequestException or InvalidOperationException or TimeoutException or TaskCanceledException or System.Text.Json.JsonException)
            {
                stats.Failed();
            }
            try { await Task.Delay(_random.Next(200, 1500), stop); }
            catch (OperationCanceledException) { }
        }
    }

    private async Task<bool> RunAsync(RunApi api, string experiment)
    {
        using var response = await api.PostRunAsync(experiment);
        if (!await AcceptedAsync("run", response)) return false;
        var runId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["runId"]!.GetValue<string>();
        await api.EventsAsync(runId);
        return true;
    }

    private async Task<bool> StepRunAsync(RunApi api)
    {
        using var response = await api.PostRunAsync(SampleExperiments.PipeByteStream, mode: "step");
        if (!await AcceptedAsync("step-run", response)) return false;
        var runId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["runId"]!.GetValue<string>();
        // A person steps a few times, thinking in between, then lets it run.
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(_random.Next(300, 1200));
            await api.StepAsync(runId, "parent");
        }
        using (await api.ControlAsync(runId, "resume")) { }
        await api.EventsAsync(runId);
        return true;
    }

    private async Task<bool> ShareAsync()
    {
        var experiment = JsonNode.Parse(SampleExperiments.PipeByteStream)!.AsObject();
        experiment["name"] = $"client {number} share {_random.Next()}";
        using var response = await _http.PostAsync("/api/experiments", new StringContent(experiment.ToJsonString(), Encoding.UTF8, "application/json"));
        return await AcceptedAsync("share", response);
    }

    private async Task<bool> JoinAsync()
    {
        using var response = await _http.PostAsync("/api/workshops/join",
            new StringContent($$"""{"code":"{{joinCode}}","name":"client {{number}}"}""", Encoding.UTF8, "application/json"));
        return await AcceptedAsync("join", response);
    }

    /// <summary>True for a success; a refusal is counted under the quota its problem names.</summary>
    private async Task<bool> AcceptedAsync(string action, HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return true;
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["detail"]?.GetValue<string>() ?? "";
        stats.Refused(action, $"{(int)response.StatusCode} {Quota(detail)}");
        return false;
    }

    /// <summary>The configuration key a refusal names, or its first words.</summary>
    private static string Quota(string detail)
    {
        var start = detail.IndexOf("Storage:", StringComparison.Ordinal) is >= 0 and var s ? s
            : detail.IndexOf("Workshops:", StringComparison.Ordinal) is >= 0 and var w ? w : -1;
        if (start >= 0) return new string([.. detail[start..].TakeWhile(c => c != ')' && c != ' ')]);
        return string.Join(' ', detail.Split(' ').Take(6));
    }

    public void Dispose() => _http.Dispose();
}

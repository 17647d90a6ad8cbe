using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace IpcPlayground.Benchmarks.WorkshopLoad;

/// <summary>
/// One participant as the page behaves: joined by code, connected to the workshop hub (online on the board) and the
/// run hub, starting a lesson run on a fixed period and following it through <see cref="IRunHub.JoinRun"/> to its end.
/// </summary>
public sealed class SimulatedParticipant : IAsyncDisposable
{
    private static readonly TimeSpan RunEndWait = TimeSpan.FromSeconds(60);
    private readonly WorkshopApi _api;
    private readonly string _workshopId;
    private readonly string _key;
    private readonly string _experiment;
    private readonly HubConnection _runs;
    private readonly HubConnection _workshop;
    private readonly PublishStamps _stamps;
    private readonly LoadStats _stats;
    private volatile Following? _current;

    private SimulatedParticipant(Uri server, WorkshopApi api, JoinedWorkshop joined, string experiment, PublishStamps stamps, LoadStats stats)
    {
        _api = api;
        _workshopId = joined.Workshop.WorkshopId;
        _key = joined.ParticipantKey;
        _experiment = experiment;
        _stamps = stamps;
        _stats = stats;
        _runs = WorkshopConnection.Build(server, IRunHub.Path, _key);
        _runs.On<string, RunEvent[]>(nameof(IRunClient.ReceiveEvents), Receive);
        _workshop = WorkshopConnection.Build(server, IWorkshopHub.Path, _key);
    }

    public static async Task<SimulatedParticipant> JoinAsync(Uri server, HttpClient http, string joinCode, string name, string experiment,
        PublishStamps stamps, LoadStats stats)
    {
        var api = new WorkshopApi(http);
        var participant = new SimulatedParticipant(server, api, await api.JoinAsync(joinCode, name).DefaultTimeout(), experiment, stamps, stats);
        try
        {
            await participant._workshop.StartAsync().DefaultTimeout();
            await participant._runs.StartAsync().DefaultTimeout();
            return participant;
        }
        catch
        {
            await participant.DisposeAsync();
            throw;
        }
    }

    /// <summary>After <paramref name="offset"/>, one run every <paramref name="period"/> (or right after the last, when it took longer) until <paramref name="stop"/>.</summary>
    public async Task RunLessonsAsync(TimeSpan offset, TimeSpan period, CancellationToken stop)
    {
        try { await Task.Delay(offset, stop); }
        catch (OperationCanceledException) { return; }
        var next = Stopwatch.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            await RunOnceAsync();
            next += (long)(period.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait <= TimeSpan.Zero) continue;
            try { await Task.Delay(wait, stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task RunOnceAsync()
    {
        try { await FollowOneRunAsync(); }
        catch (Exception e) when (e is TimeoutException or HubException or HttpRequestException or InvalidOperationException)
        {
            _stats.RunFailed(e.GetType().Name + ": " + e.Message.Split('\n')[0]);
        }
        finally { _current = null; }
    }

    private async Task FollowOneRunAsync()
    {
        using var response = await _api.PostRunAsync(_workshopId, _key, _experiment).DefaultTimeout();
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
            _stats.RunRefused(problem?["detail"]?.GetValue<string>() ?? "429");
            return;
        }
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"POST runs answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var runId = (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.RunAccepted))!.RunId;
        var following = new Following(runId);
        _current = following;
        Receive(runId, await _runs.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId).DefaultTimeout(), live: false);
        var status = await following.Ended.Task.WaitAsync(RunEndWait);
        if (status == RunStatuses.Completed) _stats.RunCompleted();
        else _stats.RunFailed("run-end " + status);
        await _runs.InvokeAsync(nameof(IRunHub.LeaveRun), runId).DefaultTimeout();
    }

    private void Receive(string runId, RunEvent[] events) => Receive(runId, events, live: true);

    private void Receive(string runId, RunEvent[] events, bool live)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        foreach (var e in events)
        {
            // Counted once: an event published while joining comes both in the snapshot and live.
            if (_stamps.Take(runId, e.Seq, receivedAt) is { } latency) _stats.EventReceived(live ? latency : null);
            if (e is RunEndEvent end && _current is { } following && following.RunId == runId)
                following.Ended.TrySetResult(end.Status ?? "");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _runs.DisposeAsync();
        await _workshop.DisposeAsync();
    }

    private sealed record Following(string RunId)
    {
        public TaskCompletionSource<string> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

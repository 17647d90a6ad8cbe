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
/// run hub, starting a lesson run on a fixed period and following it through <see cref="IRunHub.JoinRun"/> to its end;
/// and, as the page does, following whichever run the instructor spotlights.
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
    private volatile Following? _spotlight;
    private readonly SemaphoreSlim _spotlightMoves = new(1, 1);

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
        _workshop.On<Spotlight?>(nameof(IWorkshopClient.SpotlightChanged), spotlight => _ = FollowSpotlightAsync(spotlight));
        ParticipantId = joined.ParticipantId;
    }

    public string ParticipantId { get; }

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
        if (_spotlight is { } spotlight && spotlight.RunId == runId)
        {
            foreach (var e in events)
                if (spotlight.FirstTime(e.Seq) && live && _stamps.LatencyOf(runId, e.Seq, receivedAt) is { } latency) _stats.SpotlightEventReceived(latency);
            return;
        }
        if (_current is not { } following || following.RunId != runId) return;
        foreach (var e in events)
        {
            // Counted once: an event published while joining comes both in the snapshot and live.
            if (!following.FirstTime(e.Seq)) continue;
            _stats.EventReceived(live ? _stamps.LatencyOf(runId, e.Seq, receivedAt) : null);
            if (e is RunEndEvent end) following.Ended.TrySetResult(end.Status ?? "");
        }
    }

    /// <summary>
    /// The instructor spotlighted someone else's run: leave the last one and watch this one, as the page does. One move
    /// at a time, so a quick second move cannot interleave with the first and leave this page in a run's group.
    /// </summary>
    private async Task FollowSpotlightAsync(Spotlight? spotlight)
    {
        await _spotlightMoves.WaitAsync();
        try
        {
            var previous = _spotlight;
            var runId = spotlight?.ParticipantId == ParticipantId ? null : spotlight?.RunId;
            if (previous?.RunId == runId) return;
            _spotlight = runId is null ? null : new Following(runId);
            if (previous is not null) await _runs.InvokeAsync(nameof(IRunHub.LeaveRun), previous.RunId).DefaultTimeout();
            if (runId is null) return;
            Receive(runId, await _runs.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId).DefaultTimeout(), live: false);
            _stats.SpotlightFollowed();
        }
        catch (Exception e) when (e is TimeoutException or HubException or InvalidOperationException)
        {
            _stats.RunFailed("following the spotlight: " + e.Message.Split('\n')[0]);
        }
        finally { _spotlightMoves.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        await _runs.DisposeAsync();
        await _workshop.DisposeAsync();
        _spotlightMoves.Dispose();
    }

    private sealed record Following(string RunId)
    {
        private readonly HashSet<long> _seen = [];

        public TaskCompletionSource<string> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool FirstTime(long seq)
        {
            lock (_seen) return _seen.Add(seq);
        }
    }
}

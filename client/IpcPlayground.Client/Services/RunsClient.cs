using System.Net.Http.Json;
using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Contracts.Sharing;
using IpcPlayground.Client.Services.Workshops;
using Microsoft.AspNetCore.Components;
using System.Runtime.CompilerServices;

namespace IpcPlayground.Client.Services;

/// <summary>
/// The browser's side of the run API and the run hub. With a workshop key (<see cref="ForWorkshop"/>) runs start as
/// that participant and every request and the hub connection present the key.
/// </summary>
public sealed class RunsClient(HttpClient http, NavigationManager navigation, HubAssemblies hubAssemblies) : IAsyncDisposable
{
    private WorkshopKey? _key;

    /// <summary>A client that acts with a workshop key: its own hub connection, disposed with it.</summary>
    public static RunsClient ForWorkshop(HttpClient http, NavigationManager navigation, HubAssemblies hubAssemblies, WorkshopKey key) =>
        new(http, navigation, hubAssemblies) { _key = key };

    /// <summary>A <see cref="RunHubConnection"/> once a run is followed; typed as what this class may name before SignalR is loaded.</summary>
    private IAsyncDisposable? _hub;

    /// <summary>
    /// Posts the experiment; returns the run id, or the server's errors by JSON path. In step mode every process is
    /// held before each step; in predict mode the server steps them and asks before each step that can block or fail.
    /// </summary>
    /// <param name="mode">One of <see cref="RunModes"/>.</param>
    public async Task<(string? RunId, IReadOnlyList<ValidationError> Errors)> StartAsync(string experimentJson, string mode = RunModes.Free)
    {
        using var content = new StringContent(experimentJson, System.Text.Encoding.UTF8, "application/json");
        var path = _key is null ? "api/runs" : $"api/workshops/{Uri.EscapeDataString(_key.WorkshopId)}/runs";
        using var response = await SendAsync(HttpMethod.Post, mode == RunModes.Free ? path : $"{path}?mode={Uri.EscapeDataString(mode)}", content);
        if (response.IsSuccessStatusCode)
        {
            var accepted = await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.RunAccepted);
            return (accepted?.RunId, []);
        }
        return (null, await ProblemReader.ErrorsAsync(response));
    }

    /// <summary>Step mode: lets a held process take its next step. Returns null, or why the server refused (e.g. 409: that process is not held).</summary>
    public async Task<string?> StepAsync(string runId, string process)
    {
        using var content = JsonContent.Create(new StepRequest(process), ContractsJsonContext.Default.StepRequest);
        using var response = await SendAsync(HttpMethod.Post, $"api/runs/{Uri.EscapeDataString(runId)}/step", content);
        return await RefusalAsync(response);
    }

    /// <summary>Predict mode: the prediction for an open question. Returns null, or why the server refused (400: not a choice offered; 409: not the open question).</summary>
    public async Task<string?> AnswerAsync(string runId, AnswerRequest answer)
    {
        using var content = JsonContent.Create(answer, ContractsJsonContext.Default.AnswerRequest);
        using var response = await SendAsync(HttpMethod.Post, $"api/runs/{Uri.EscapeDataString(runId)}/answer", content);
        return await RefusalAsync(response);
    }

    /// <summary>Step (and predict) mode: lets every process run freely to the end.</summary>
    public async Task<string?> ResumeAsync(string runId)
    {
        using var response = await SendAsync(HttpMethod.Post, $"api/runs/{Uri.EscapeDataString(runId)}/resume");
        return await RefusalAsync(response);
    }

    /// <summary>Kills the run (its run-end status is <c>killed</c>).</summary>
    public async Task<string?> StopAsync(string runId)
    {
        using var response = await SendAsync(HttpMethod.Post, $"api/runs/{Uri.EscapeDataString(runId)}/stop");
        return await RefusalAsync(response);
    }

    /// <summary>Stores the experiment (<c>POST /api/experiments</c>); returns its id and page, or why the server refused.</summary>
    public async Task<(SharedExperiment? Shared, string? Problem)> ShareAsync(string experimentJson)
    {
        using var content = new StringContent(experimentJson, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("api/experiments", content);
        if (response.IsSuccessStatusCode)
            return (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.SharedExperiment), null);
        return (null, await RefusalAsync(response));
    }

    /// <summary>A stored experiment's exact text, or null when no experiment has that id.</summary>
    public async Task<string?> GetExperimentAsync(string id)
    {
        using var response = await http.GetAsync($"api/experiments/{Uri.EscapeDataString(id)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A run's events as recorded (the NDJSON the run streamed), or null when no run has that id.</summary>
    public async Task<RunEvent[]?> GetRecordedEventsAsync(string runId)
    {
        using var response = await SendAsync(HttpMethod.Get, $"api/runs/{Uri.EscapeDataString(runId)}/events");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return ReadNdjson(await response.Content.ReadAsStringAsync());
    }

    public static RunEvent[] ReadNdjson(string ndjson) => Ndjson.Read(ndjson, ContractsJsonContext.Default.RunEvent);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = _key?.Request(method, path, content) ?? new HttpRequestMessage(method, path) { Content = content };
        return await http.SendAsync(request);
    }

    private static async Task<string?> RefusalAsync(HttpResponseMessage response) =>
        response.IsSuccessStatusCode ? null : string.Join("; ", (await ProblemReader.ErrorsAsync(response)).Select(e => e.Message));

    /// <summary>
    /// Follows a run: <paramref name="onEvents"/> gets what happened so far, then each new batch as it arrives (after a
    /// reconnect, the whole run again). Throws <see cref="RunNotFollowedException"/> for a run that is unknown or not the
    /// caller's. The first follow loads the SignalR client (<see cref="HubAssemblies"/>).
    /// </summary>
    public async Task FollowAsync(string runId, Action<RunEvent[]> onEvents)
    {
        await hubAssemblies.EnsureLoadedAsync();
        await FollowLoadedAsync(runId, onEvents);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task FollowLoadedAsync(string runId, Action<RunEvent[]> onEvents) =>
        Hub().FollowAsync(runId, onEvents);

    public Task UnfollowAsync(string runId) => _hub is null ? Task.CompletedTask : UnfollowLoadedAsync(runId);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task UnfollowLoadedAsync(string runId) => Hub().UnfollowAsync(runId);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private RunHubConnection Hub() => (RunHubConnection)(_hub ??= RunHubConnection.Create(navigation, _key));

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Contracts.Sharing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.Client.Services;

/// <summary>The browser's side of the run API and the run hub.</summary>
public sealed class RunsClient(HttpClient http, NavigationManager navigation) : IAsyncDisposable
{
    private HubConnection? _hub;
    private readonly Dictionary<string, Action<RunEvent[]>> _followers = new(StringComparer.Ordinal);

    /// <summary>Posts the experiment; returns the run id, or the server's errors by JSON path. In step mode every process is held before each step.</summary>
    public async Task<(string? RunId, IReadOnlyList<ValidationError> Errors)> StartAsync(string experimentJson, bool stepMode = false)
    {
        using var content = new StringContent(experimentJson, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(stepMode ? $"api/runs?mode={RunModes.Step}" : "api/runs", content);
        if (response.IsSuccessStatusCode)
        {
            var accepted = await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.RunAccepted);
            return (accepted?.RunId, []);
        }
        return (null, await ReadProblemAsync(response));
    }

    /// <summary>Step mode: lets a held process take its next step. Returns null, or why the server refused (e.g. 409: that process is not held).</summary>
    public async Task<string?> StepAsync(string runId, string process)
    {
        using var content = JsonContent.Create(new StepRequest(process), ContractsJsonContext.Default.StepRequest);
        using var response = await http.PostAsync($"api/runs/{Uri.EscapeDataString(runId)}/step", content);
        return await RefusalAsync(response);
    }

    /// <summary>Step mode: lets every process run freely to the end.</summary>
    public async Task<string?> ResumeAsync(string runId)
    {
        using var response = await http.PostAsync($"api/runs/{Uri.EscapeDataString(runId)}/resume", null);
        return await RefusalAsync(response);
    }

    /// <summary>Kills the run (its run-end status is <c>killed</c>).</summary>
    public async Task<string?> StopAsync(string runId)
    {
        using var response = await http.PostAsync($"api/runs/{Uri.EscapeDataString(runId)}/stop", null);
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
        using var response = await http.GetAsync($"api/runs/{Uri.EscapeDataString(runId)}/events");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return ReadNdjson(await response.Content.ReadAsStringAsync());
    }

    public static RunEvent[] ReadNdjson(string ndjson) =>
        [.. ndjson.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize(l, ContractsJsonContext.Default.RunEvent)!)];

    private static async Task<string?> RefusalAsync(HttpResponseMessage response) =>
        response.IsSuccessStatusCode ? null : string.Join("; ", (await ReadProblemAsync(response)).Select(e => e.Message));

    /// <summary>Follows a run: <paramref name="onEvents"/> gets what happened so far, then each new batch as it arrives.</summary>
    public async Task FollowAsync(string runId, Action<RunEvent[]> onEvents)
    {
        var hub = await ConnectAsync();
        _followers[runId] = onEvents;
        var past = await hub.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId);
        onEvents(past);
    }

    public async Task UnfollowAsync(string runId)
    {
        if (_followers.Remove(runId) && _hub is { State: HubConnectionState.Connected } hub)
            await hub.InvokeAsync(nameof(IRunHub.LeaveRun), runId);
    }

    private async Task<HubConnection> ConnectAsync()
    {
        if (_hub is not null) return _hub;
        _hub = new HubConnectionBuilder()
            .WithUrl(navigation.ToAbsoluteUri(IRunHub.Path.TrimStart('/')))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default))
            .WithAutomaticReconnect()
            .Build();
        _hub.On<string, RunEvent[]>(nameof(IRunClient.ReceiveEvents), (runId, events) =>
        {
            if (_followers.TryGetValue(runId, out var follower)) follower(events);
        });
        await _hub.StartAsync();
        return _hub;
    }

    private static async Task<IReadOnlyList<ValidationError>> ReadProblemAsync(HttpResponseMessage response)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                return errors.EnumerateObject()
                    .SelectMany(p => p.Value.EnumerateArray().Select(m => new ValidationError(p.Name, m.GetString() ?? "")))
                    .ToList();
            var detail = document.RootElement.TryGetProperty("detail", out var d) ? d.GetString()
                : document.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            return [new ValidationError("$", detail ?? $"the server answered {(int)response.StatusCode}")];
        }
        catch (JsonException)
        {
            return [new ValidationError("$", $"the server answered {(int)response.StatusCode}")];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Testing;

/// <summary>The workshop API as a page uses it: contract types over HTTP, a key as the bearer token.</summary>
public sealed class WorkshopApi(HttpClient http)
{
    public async Task<CreatedWorkshop> CreateAsync(string title, params string[] lessons)
    {
        var request = new CreateWorkshopRequest(title, [.. lessons.Select(l => new WorkshopExperimentSource(Lesson: l))]);
        using var response = await http.PostAsJsonAsync("/api/workshops", request, ContractsJsonContext.Default.CreateWorkshopRequest).DefaultTimeout();
        return await ReadAsync(response, HttpStatusCode.Created, ContractsJsonContext.Default.CreatedWorkshop);
    }

    public async Task<JoinedWorkshop> JoinAsync(string code, string name)
    {
        using var response = await http.PostAsJsonAsync("/api/workshops/join", new JoinWorkshopRequest(code, name), ContractsJsonContext.Default.JoinWorkshopRequest).DefaultTimeout();
        return await ReadAsync(response, HttpStatusCode.OK, ContractsJsonContext.Default.JoinedWorkshop);
    }

    public async Task<WorkshopInfo> GetAsync(string workshopId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/workshops/{workshopId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request).DefaultTimeout();
        return await ReadAsync(response, HttpStatusCode.OK, ContractsJsonContext.Default.WorkshopInfo);
    }

    /// <summary>Starts a run as a participant; the answer is the caller's to dispose (202 with the run id, or a refusal).</summary>
    public async Task<HttpResponseMessage> PostRunAsync(string workshopId, string participantKey, string experimentJson, string? mode = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workshops/{workshopId}/runs" + (mode is null ? "" : $"?mode={mode}"))
        {
            Content = new StringContent(experimentJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", participantKey);
        return await http.SendAsync(request).DefaultTimeout();
    }

    /// <summary><c>POST /api/runs/{id}/step|resume|stop</c> with a key that may control the run.</summary>
    public async Task<HttpStatusCode> ControlRunAsync(string runId, string key, string command)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/runs/{runId}/{command}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request).DefaultTimeout();
        return response.StatusCode;
    }

    /// <summary>A run's NDJSON events read to their end, with a key that may read the run.</summary>
    public async Task<string> RunEventsAsync(string runId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request).DefaultTimeout();
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync().DefaultTimeout();
    }

    public static async Task<RunAccepted> ReadAcceptedAsync(HttpResponseMessage response) =>
        await ReadAsync(response, HttpStatusCode.Accepted, ContractsJsonContext.Default.RunAccepted);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync(type).DefaultTimeout())!;
    }
}

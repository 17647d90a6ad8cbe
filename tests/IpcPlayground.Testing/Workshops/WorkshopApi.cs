using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Testing.Workshops;

/// <summary>The workshop HTTP API as a test drives it: create, join, read, run, each with or without a key.</summary>
public sealed class WorkshopApi(HttpClient http)
{
    public async Task<HttpResponseMessage> PostCreateAsync(CreateWorkshopRequest request) =>
        await http.PostAsJsonAsync("/api/workshops", request, ContractsJsonContext.Default.CreateWorkshopRequest);

    public async Task<CreatedWorkshop> CreateAsync(string title, params WorkshopExperimentSource[] experiments)
    {
        using var response = await PostCreateAsync(new CreateWorkshopRequest(title, experiments));
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.CreatedWorkshop))!;
    }

    public async Task<HttpResponseMessage> PostJoinAsync(string code, string name) =>
        await http.PostAsJsonAsync("/api/workshops/join", new JoinWorkshopRequest(code, name), ContractsJsonContext.Default.JoinWorkshopRequest);

    public async Task<JoinedWorkshop> JoinAsync(string code, string name)
    {
        using var response = await PostJoinAsync(code, name);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.JoinedWorkshop))!;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string? key, string? json = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostRunAsync(string workshopId, string? key, string experimentJson, string? mode = null) =>
        PostAsync($"/api/workshops/{workshopId}/runs" + (mode is null ? "" : $"?mode={mode}"), key, experimentJson);

    /// <summary>Starts a run as a participant and returns its id; fails the test with the server's answer otherwise.</summary>
    public async Task<string> StartRunAsync(string workshopId, string key, string experimentJson)
    {
        using var response = await PostRunAsync(workshopId, key, experimentJson);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.RunAccepted))!.RunId;
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}", null, response.StatusCode);
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Testing.Workshops;

/// <summary>A workshop's room prediction API as a test drives it, each call with the key it is given.</summary>
public sealed class RoomPredictionApi(HttpClient http, string workshopId)
{
    private string Path => $"/api/workshops/{workshopId}/prediction";

    public Task<HttpResponseMessage> PostStartAsync(string? key, string json) => SendAsync(HttpMethod.Post, Path, key, json);

    public async Task<RoomPrediction> StartAsync(string instructorKey, string experimentId)
    {
        using var response = await PostStartAsync(instructorKey, JsonSerializer.Serialize(new StartPredictionRequest(experimentId), ContractsJsonContext.Default.StartPredictionRequest));
        return await ReadAsync(response, ContractsJsonContext.Default.RoomPrediction);
    }

    public Task<HttpResponseMessage> PostRunAsync(string? key) => SendAsync(HttpMethod.Post, Path + "/runs", key);

    /// <summary>Starts the participant's predicted run of the room's experiment; fails the test with the server's answer otherwise.</summary>
    public async Task<string> StartRunAsync(string participantKey)
    {
        using var response = await PostRunAsync(participantKey);
        return (await ReadAsync(response, ContractsJsonContext.Default.RunAccepted)).RunId;
    }

    public Task<HttpResponseMessage> PostHoldAsync(string? key, string json) => SendAsync(HttpMethod.Post, Path + "/hold", key, json);

    public async Task<RoomPrediction> HoldAsync(string instructorKey, bool hold)
    {
        using var response = await PostHoldAsync(instructorKey, JsonSerializer.Serialize(new PredictionHoldRequest(hold), ContractsJsonContext.Default.PredictionHoldRequest));
        return await ReadAsync(response, ContractsJsonContext.Default.RoomPrediction);
    }

    public Task<HttpResponseMessage> PostReleaseAsync(string? key) => SendAsync(HttpMethod.Post, Path + "/release", key);

    public async Task<RoomPrediction> ReleaseAsync(string instructorKey)
    {
        using var response = await PostReleaseAsync(instructorKey);
        return await ReadAsync(response, ContractsJsonContext.Default.RoomPrediction);
    }

    public Task<HttpResponseMessage> GetAsync(string? key, string suffix = "") => SendAsync(HttpMethod.Get, Path + suffix, key);

    public async Task<PredictionAggregate> AggregateAsync(string key)
    {
        using var response = await GetAsync(key);
        return await ReadAsync(response, ContractsJsonContext.Default.PredictionAggregate);
    }

    public async Task<IReadOnlyList<MyPrediction>> MineAsync(string participantKey)
    {
        using var response = await GetAsync(participantKey, "/mine");
        return await ReadAsync(response, ContractsJsonContext.Default.IReadOnlyListMyPrediction);
    }

    /// <summary>POST /api/runs/{runId}/answer with the participant's key, for the question of that step.</summary>
    public Task<HttpResponseMessage> PostAnswerAsync(string runId, string key, string process, string about, string choice, string? step = null, int? iteration = null) =>
        SendAsync(HttpMethod.Post, $"/api/runs/{runId}/answer", key,
            JsonSerializer.Serialize(new AnswerRequest(process, about, choice, step, iteration), ContractsJsonContext.Default.AnswerRequest));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.SendAsync(request);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}", null, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(type))!;
    }
}

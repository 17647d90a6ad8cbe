using System.Net;
using System.Net.Http.Json;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Client.Services.Workshops;

/// <summary>
/// The browser's side of a workshop's room prediction (<c>/api/workshops/{id}/prediction</c>), with a key: the
/// instructor starts, holds and lets go of it and reads the tallies and the answers; a participant starts their own
/// predicted run of it and reads their own answers. Refusals come back as the server's words, not exceptions.
/// </summary>
public sealed class RoomPredictionsClient(HttpClient http, WorkshopKey key)
{
    private string PathOf(string rest = "") => $"api/workshops/{Uri.EscapeDataString(key.WorkshopId)}/prediction{rest}";

    /// <summary>Instructor: starts a predicted run of a workshop experiment for the room; null, or why the server refused.</summary>
    public Task<string?> StartAsync(string experimentId) =>
        RefusalOfAsync(HttpMethod.Post, PathOf(), JsonContent.Create(new StartPredictionRequest(experimentId), ContractsJsonContext.Default.StartPredictionRequest));

    /// <summary>Instructor: holds the room (answered steps wait) or lets it go.</summary>
    public Task<string?> HoldAsync(bool hold) =>
        RefusalOfAsync(HttpMethod.Post, PathOf("/hold"), JsonContent.Create(new PredictionHoldRequest(hold), ContractsJsonContext.Default.PredictionHoldRequest));

    /// <summary>Instructor: lets the answered steps go and keeps holding.</summary>
    public Task<string?> ReleaseAsync() => RefusalOfAsync(HttpMethod.Post, PathOf("/release"));

    /// <summary>Either role: how the room answered so far; null before the instructor started a prediction.</summary>
    public async Task<PredictionAggregate?> GetAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, PathOf());
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.PredictionAggregate);
    }

    /// <summary>Instructor: every answer of the room, one CSV row each.</summary>
    public async Task<string> AnswersCsvAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, PathOf("/answers.csv"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Participant: starts their own predicted run of the room's experiment; its id, or the server's errors.</summary>
    public async Task<(string? RunId, IReadOnlyList<ValidationError> Errors)> StartMyRunAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, PathOf("/runs"));
        if (!response.IsSuccessStatusCode) return (null, await ProblemReader.ErrorsAsync(response));
        return ((await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.RunAccepted))?.RunId, []);
    }

    /// <summary>Participant: their own answers in this workshop, with the kernel's verdict once known.</summary>
    public async Task<IReadOnlyList<MyPrediction>> MineAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, PathOf("/mine"));
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.IReadOnlyListMyPrediction) ?? [];
    }

    private async Task<string?> RefusalOfAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var response = await SendAsync(method, path, content);
        return response.IsSuccessStatusCode ? null : string.Join("; ", (await ProblemReader.ErrorsAsync(response)).Select(e => e.Message));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = key.Request(method, path, content);
        return await http.SendAsync(request);
    }
}

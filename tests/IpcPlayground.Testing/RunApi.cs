using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace IpcPlayground.Testing;

/// <summary>The run API as an outside client uses it: JSON in, NDJSON out, nothing from the server's own types.</summary>
public sealed class RunApi(HttpClient http)
{
    public async Task<HttpResponseMessage> PostRunAsync(string experimentJson, string? mode = null) =>
        await http.PostAsync(mode is null ? "/api/runs" : $"/api/runs?mode={mode}", new StringContent(experimentJson, Encoding.UTF8, "application/json")).DefaultTimeout();

    public async Task<string> StartAsync(string experimentJson, string? mode = null)
    {
        using var response = await PostRunAsync(experimentJson, mode);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"POST /api/runs answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["runId"]!.GetValue<string>();
    }

    /// <summary>Reads <c>GET /api/runs/{id}/events</c> to its end: the stream closes when the run ends.</summary>
    public async Task<IReadOnlyList<JsonObject>> EventsAsync(string runId)
    {
        var text = await http.GetStringAsync($"/api/runs/{runId}/events").DefaultTimeout();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
    }

    public async Task<IReadOnlyList<JsonObject>> RunAsync(string experimentJson) => await EventsAsync(await StartAsync(experimentJson));

    public LiveEvents Follow(string runId) => LiveEvents.Follow(http, runId);

    /// <summary>Step mode: lets the held process take its next step; the status code says whether it was held.</summary>
    public async Task<HttpStatusCode> StepAsync(string runId, string process)
    {
        using var response = await http.PostAsync($"/api/runs/{runId}/step", new StringContent($$"""{"process":"{{process}}"}""", Encoding.UTF8, "application/json")).DefaultTimeout();
        return response.StatusCode;
    }

    /// <summary>Predict mode: answers the open question of <paramref name="process"/>; the caller reads the response.</summary>
    public async Task<HttpResponseMessage> AnswerAsync(string runId, string process, string about, string choice, string? step = null) =>
        await http.PostAsJsonAsync($"/api/runs/{runId}/answer", new { process, about, choice, step }).DefaultTimeout();

    public async Task<HttpResponseMessage> ControlAsync(string runId, string command) =>
        await http.PostAsync($"/api/runs/{runId}/{command}", null).DefaultTimeout();

    public async Task<JsonObject> SummaryAsync(string runId) =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/runs/{runId}").DefaultTimeout())!;
}

public static class EventQueries
{
    public static string Kind(this JsonObject e) => e["kind"]!.GetValue<string>();
    public static string? Str(this JsonObject e, string field) => e[field]?.GetValue<string>();
    public static long Long(this JsonObject e, string field) => e[field]!.GetValue<long>();

    public static bool Is(this JsonObject e, string kind, string? process = null, string? op = null) =>
        e.Kind() == kind && (process is null || e.Str("process") == process) && (op is null || e.Str("op") == op);

    public static JsonObject Single(this IReadOnlyList<JsonObject> events, string kind, string? process = null, string? op = null)
    {
        var matches = events.Where(e => e.Is(kind, process, op)).ToList();
        if (matches.Count != 1)
            throw new Xunit.Sdk.XunitException($"expected one {kind} event of {process ?? "any process"} for {op ?? "any op"}, found {matches.Count} in:\n" + string.Join("\n", events));
        return matches[0];
    }

    public static int IndexOf(this IReadOnlyList<JsonObject> events, string kind, string? process = null, string? op = null)
    {
        for (var i = 0; i < events.Count; i++)
            if (events[i].Is(kind, process, op)) return i;
        throw new Xunit.Sdk.XunitException($"no {kind} event of {process ?? "any process"} for {op ?? "any op"} in:\n" + string.Join("\n", events));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace IpcPlayground.Testing;

/// <summary>The measurement API as an outside client uses it: JSON in, NDJSON out, nothing from the server's own types.</summary>
public sealed class MeasurementApi(HttpClient http)
{
    public async Task<HttpResponseMessage> PostAsync(string requestJson) =>
        await http.PostAsync("/api/measurements", new StringContent(requestJson, Encoding.UTF8, "application/json")).DefaultTimeout();

    public async Task<string> StartAsync(string requestJson)
    {
        using var response = await PostAsync(requestJson);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"POST /api/measurements answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["measurementId"]!.GetValue<string>();
    }

    /// <summary>
    /// <c>GET /api/measurements/{id}/events</c> to its end, as the text it is (the stream closes after <c>measure-end</c>);
    /// <paramref name="timeout"/> for a matrix that takes longer than the default.
    /// </summary>
    public async Task<string> EventsTextAsync(string measurementId, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TaskTimeouts.Default);
        using var response = await http.GetAsync($"/api/measurements/{measurementId}/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancel.Token);
    }

    public async Task<IReadOnlyList<JsonObject>> EventsAsync(string measurementId, TimeSpan? timeout = null) =>
        Lines(await EventsTextAsync(measurementId, timeout));

    public async Task<IReadOnlyList<JsonObject>> MeasureAsync(string requestJson, TimeSpan? timeout = null) =>
        await EventsAsync(await StartAsync(requestJson), timeout);

    public async Task<JsonObject> SummaryAsync(string measurementId) =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/measurements/{measurementId}").DefaultTimeout())!;

    public static IReadOnlyList<JsonObject> Lines(string ndjson) =>
        [.. ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];
}

/// <summary>Reading measurement events and summaries.</summary>
public static class MeasurementQueries
{
    public static IReadOnlyList<JsonObject> Cells(this IReadOnlyList<JsonObject> events) => [.. events.Where(e => e.Kind() == "cell")];

    public static JsonObject End(this IReadOnlyList<JsonObject> events) =>
        events[^1].Kind() == "measure-end" ? events[^1] : throw new Xunit.Sdk.XunitException("the last event is not measure-end:\n" + string.Join("\n", events));

    public static JsonObject Cell(this IReadOnlyList<JsonObject> events, string mechanism, int size) =>
        events.Cells().SingleOrDefault(c => c.Str("mechanism") == mechanism && c["size"]!.GetValue<int>() == size)
        ?? throw new Xunit.Sdk.XunitException($"no single cell {mechanism} × {size} in:\n" + string.Join("\n", events));

    public static double? Number(this JsonObject o, string field) => o[field]?.GetValue<double>();
}

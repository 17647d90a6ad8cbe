using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Measurements;
using Microsoft.AspNetCore.Components.WebAssembly.Http;

namespace IpcPlayground.Client.Services.Measure;

/// <summary>The browser's side of <c>/api/measurements</c>: start one, follow its cells as they finish, read one back.</summary>
public sealed class MeasurementsClient(HttpClient http)
{
    /// <summary>Posts the request; returns the measurement's id, or the server's errors by JSON path (400).</summary>
    public async Task<(string? Id, IReadOnlyList<ValidationError> Errors)> StartAsync(MeasurementRequest request)
    {
        using var response = await http.PostAsJsonAsync("api/measurements", request, ContractsJsonContext.Default.MeasurementRequest);
        if (!response.IsSuccessStatusCode) return (null, await ProblemReader.ErrorsAsync(response));
        var accepted = await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.MeasurementAccepted);
        return (accepted?.MeasurementId, []);
    }

    /// <summary>The measurement's events (NDJSON) as each cell finishes, to its measure-end; all of them at once after the end.</summary>
    public async IAsyncEnumerable<MeasurementEvent> EventsAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/measurements/{Uri.EscapeDataString(id)}/events");
        request.SetBrowserResponseStreamingEnabled(true);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var e in Ndjson.ReadAsync(stream, ContractsJsonContext.Default.MeasurementEvent, cancellationToken))
            yield return e;
    }

    /// <summary>The request, machine and every cell so far; null when no measurement has that id.</summary>
    public async Task<MeasurementSummary?> GetAsync(string id)
    {
        using var response = await http.GetAsync($"api/measurements/{Uri.EscapeDataString(id)}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.MeasurementSummary);
    }

    /// <summary>The measurement as JSON, for the download link.</summary>
    public static string JsonAddress(string id) => $"api/measurements/{Uri.EscapeDataString(id)}";

    /// <summary>The share link: <c>/m/{id}</c> on this page's origin.</summary>
    public static string ShareLink(string baseUri, string id) => Sharing.ShareLinks.Origin(baseUri) + "/m/" + Uri.EscapeDataString(id);
}

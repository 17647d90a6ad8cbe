using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;

namespace IpcPlayground.Cli.Running;

/// <summary>Runs on a playground server: <c>POST /api/runs</c>, then its NDJSON event stream.</summary>
public sealed class RemoteRunner(HttpClient http) : IEventSource
{
    public async IAsyncEnumerable<RunEvent> RunAsync(ExperimentFile experiment, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(experiment.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var runId = (await ServerRefusedException.AcceptedAsync(http, "/api/runs", content, ContractsJsonContext.Default.RunAccepted, cancellationToken)).RunId;

        using var stream = await http.GetStreamAsync($"/api/runs/{runId}/events", cancellationToken);
        await foreach (var e in Ndjson.ReadAsync(stream, ContractsJsonContext.Default.RunEvent, cancellationToken))
            yield return e;
    }
}

/// <summary>The server answered with something other than 202: its status and problem details.</summary>
public sealed class ServerRefusedException(int status, string body) : Exception($"the server answered {status}: {body}")
{
    public int Status { get; } = status;

    /// <summary>Posts to a start endpoint (a run, a measurement) and reads its 202 answer; any other answer is thrown as a refusal.</summary>
    public static async Task<T> AcceptedAsync<T>(HttpClient http, string path, HttpContent content, JsonTypeInfo<T> accepted, CancellationToken cancellationToken)
    {
        using var posted = await http.PostAsync(path, content, cancellationToken);
        var body = await posted.Content.ReadAsStringAsync(cancellationToken);
        if (posted.StatusCode != HttpStatusCode.Accepted)
            throw new ServerRefusedException((int)posted.StatusCode, body);
        return JsonSerializer.Deserialize(body, accepted)!;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
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
        using var posted = await http.PostAsync("/api/runs", content, cancellationToken);
        var body = await posted.Content.ReadAsStringAsync(cancellationToken);
        if (posted.StatusCode != HttpStatusCode.Accepted)
            throw new ServerRefusedException((int)posted.StatusCode, body);
        var runId = JsonSerializer.Deserialize(body, ContractsJsonContext.Default.RunAccepted)!.RunId;

        using var stream = await http.GetStreamAsync($"/api/runs/{runId}/events", cancellationToken);
        await foreach (var e in Ndjson.ReadAsync(stream, ContractsJsonContext.Default.RunEvent, cancellationToken))
            yield return e;
    }
}

/// <summary>The server answered with something other than 202: its status and problem details.</summary>
public sealed class ServerRefusedException(int status, string body) : Exception($"the server answered {status}: {body}")
{
    public int Status { get; } = status;
}

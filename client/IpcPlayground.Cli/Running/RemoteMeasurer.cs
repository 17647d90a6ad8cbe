using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Cli.Running;

/// <summary>Measures on a playground server: <c>POST /api/measurements</c>, then its NDJSON event stream.</summary>
public sealed class RemoteMeasurer(HttpClient http)
{
    public async IAsyncEnumerable<MeasurementEvent> MeasureAsync(MeasurementRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var posted = await http.PostAsJsonAsync("/api/measurements", request, ContractsJsonContext.Default.MeasurementRequest, cancellationToken);
        var body = await posted.Content.ReadAsStringAsync(cancellationToken);
        if (posted.StatusCode != HttpStatusCode.Accepted)
            throw new ServerRefusedException((int)posted.StatusCode, body);
        var id = JsonSerializer.Deserialize(body, ContractsJsonContext.Default.MeasurementAccepted)!.MeasurementId;

        using var stream = await http.GetStreamAsync($"/api/measurements/{Uri.EscapeDataString(id)}/events", cancellationToken);
        await foreach (var e in Ndjson.ReadAsync(stream, ContractsJsonContext.Default.MeasurementEvent, cancellationToken))
            yield return e;
    }
}

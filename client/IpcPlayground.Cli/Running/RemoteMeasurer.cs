using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Cli.Running;

/// <summary>Measures on a playground server: <c>POST /api/measurements</c>, then its NDJSON event stream.</summary>
public sealed class RemoteMeasurer(HttpClient http)
{
    public async IAsyncEnumerable<MeasurementEvent> MeasureAsync(MeasurementRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(request, ContractsJsonContext.Default.MeasurementRequest);
        var id = (await ServerRefusedException.AcceptedAsync(http, "/api/measurements", content, ContractsJsonContext.Default.MeasurementAccepted, cancellationToken)).MeasurementId;

        using var stream = await http.GetStreamAsync($"/api/measurements/{Uri.EscapeDataString(id)}/events", cancellationToken);
        await foreach (var e in Ndjson.ReadAsync(stream, ContractsJsonContext.Default.MeasurementEvent, cancellationToken))
            yield return e;
    }
}

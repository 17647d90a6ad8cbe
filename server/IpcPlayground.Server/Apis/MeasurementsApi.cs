using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Measurements;
using IpcPlayground.Runs.Measurements;
using IpcPlayground.Server.Access;
using IpcPlayground.Server.Application;
using IpcPlayground.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IpcPlayground.Server.Apis;

/// <summary>The measurement API of the contract: start a measurement, read its summary, stream its cells as NDJSON.</summary>
public static class MeasurementsApi
{
    /// <summary>The largest measurement request read: the longest valid one is a few hundred bytes.</summary>
    private const int MaxBodyBytes = 16 << 10;

    /// <summary>A refused measurement is answered after this long: a measurement or a run slot frees within seconds.</summary>
    private static readonly TimeSpan RetryAfterBusy = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapMeasurementsApi(this IEndpointRouteBuilder app)
    {
        var measurements = app.MapGroup("/api/measurements");
        measurements.MapPost("/", StartMeasurement);
        measurements.MapGet("/{measurementId}", GetMeasurement);
        measurements.MapGet("/{measurementId}/events", StreamEvents);
        return app;
    }

    private static async Task<IResult> StartMeasurement(HttpRequest request, MeasurementCoordinator coordinator, StorageQuotas storageQuotas,
        IHostApplicationLifetime lifetime)
    {
        var body = await ExperimentBody.ReadAsync(request, MaxBodyBytes, what: "measurement request");
        if (body.Problem is { } problem) return problem;
        var read = MeasurementReader.Read(body.Bytes);
        if (!read.IsValid) return ExperimentBody.Invalid(read.Errors, title: "The measurement request is not valid");
        var recordedFor = ClientAddress.KeyOf(request.HttpContext);
        if (await storageQuotas.RecordingRefusalAsync(request.HttpContext, recordedFor) is { } overQuota) return overQuota;
        var (measurement, refusal) = coordinator.Start(read.Request!, ClientAddress.Of(request.HttpContext), lifetime.ApplicationStopping, recordedFor);
        if (measurement is null) return Problems.TooMany(request.HttpContext, "Too many measurements", refusal!, RetryAfterBusy);
        return TypedResults.Accepted($"/api/measurements/{measurement.Id}", new MeasurementAccepted(measurement.Id));
    }

    /// <summary>Written with the contract's own options (nulls left out), so its cells read exactly as the cell events do.</summary>
    private static async Task<Results<JsonHttpResult<MeasurementSummary>, ProblemHttpResult>> GetMeasurement(string measurementId,
        MeasurementFinder measurements, HttpContext context) =>
        await measurements.FindAsync(measurementId, context.RequestAborted) is { } measurement
            ? TypedResults.Json(measurement.Summarize(), ContractsJsonContext.Default.MeasurementSummary)
            : Problems.UnknownMeasurement(measurementId);

    private static async Task StreamEvents(string measurementId, MeasurementFinder measurements, HttpContext context)
    {
        if (await measurements.FindAsync(measurementId, context.RequestAborted) is not { } measurement)
        {
            await Problems.UnknownMeasurement(measurementId).ExecuteAsync(context);
            return;
        }
        await EventNdjson.StreamAsync(context, measurement.ReadAllAsync(context.RequestAborted), ContractsJsonContext.Default.MeasurementEvent);
    }
}

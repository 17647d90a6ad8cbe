using System.Buffers;
using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Experiments;
using IpcPlayground.Runs;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IpcPlayground.Server.Apis;

/// <summary>The run API of the contract: start a run, read its summary, stream its events as NDJSON.</summary>
public static class RunsApi
{
    public const int MaxExperimentBytes = 1 << 20;

    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs");
        runs.MapPost("/", StartRun);
        runs.MapGet("/{runId}", GetRun);
        runs.MapGet("/{runId}/events", StreamEvents);
        runs.MapRunControl();
        return app;
    }

    private static async Task<IResult> StartRun(HttpRequest request, RunCoordinator coordinator, IOptions<SizeCapsOptions> limits, IHostApplicationLifetime lifetime)
    {
        var mode = request.Query["mode"].ToString() is { Length: > 0 } asked ? asked : RunModes.Free;
        if (mode is not (RunModes.Free or RunModes.Step))
            return ExperimentBody.Invalid([new ValidationError("mode", $"mode '{mode}' is not one of {RunModes.Free}, {RunModes.Step}")]);
        var body = await ExperimentBody.ReadAsync(request, MaxExperimentBytes);
        if (body.Problem is { } problem) return problem;
        var read = ExperimentReader.Read(body.Bytes, limits.Value.ToCaps());
        if (!read.IsValid) return ExperimentBody.Invalid(read.Errors);
        var client = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (run, refusal) = coordinator.Start(read.Experiment!, client, mode, lifetime.ApplicationStopping);
        if (run is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = "2";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many runs", detail: refusal);
        }
        return TypedResults.Accepted($"/api/runs/{run.Id}", new RunAccepted(run.Id));
    }

    private static Results<Ok<RunSummary>, ProblemHttpResult> GetRun(string runId, RunRegistry registry) =>
        registry.Find(runId) is { } run
            ? TypedResults.Ok(run.Summarize())
            : TypedResults.Problem(statusCode: 404, title: "Unknown run", detail: $"no run '{runId}' is known here (runs are kept for a limited time)");

    private static async Task StreamEvents(string runId, RunRegistry registry, HttpContext context)
    {
        if (registry.Find(runId) is not { } run)
        {
            await TypedResults.Problem(statusCode: 404, title: "Unknown run", detail: $"no run '{runId}' is known here").ExecuteAsync(context);
            return;
        }
        var response = context.Response;
        response.ContentType = "application/x-ndjson";
        response.Headers.CacheControl = "no-store";
        var body = response.BodyWriter;
        await foreach (var e in run.Events.ReadAllAsync(context.RequestAborted))
        {
            using (var writer = new Utf8JsonWriter(body))
                JsonSerializer.Serialize(writer, e, ContractsJsonContext.Default.RunEvent);
            body.Write("\n"u8);
            await body.FlushAsync(context.RequestAborted);
        }
    }
}

using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Experiments;
using IpcPlayground.Runs;
using IpcPlayground.Server.Storage;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IpcPlayground.Server.Apis;

/// <summary>The run API of the contract: start a run, read its summary, stream its events as NDJSON.</summary>
public static class RunsApi
{
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
        var body = await ExperimentBody.ReadValidAsync(request, limits.Value.ToCaps());
        if (body.Problem is { } problem) return problem;
        var client = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (run, refusal) = coordinator.Start(body.Experiment!, body.Bytes, client, mode, lifetime.ApplicationStopping);
        if (run is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = "2";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many runs", detail: refusal);
        }
        return TypedResults.Accepted($"/api/runs/{run.Id}", new RunAccepted(run.Id));
    }

    private static async Task<Results<Ok<RunSummary>, ProblemHttpResult>> GetRun(string runId, RunFinder runs, CancellationToken cancellationToken) =>
        await runs.FindAsync(runId, cancellationToken) is { } run ? TypedResults.Ok(run.Summarize()) : UnknownRun(runId);

    /// <summary>404 for a run id that is not running and has no unexpired record.</summary>
    public static ProblemHttpResult UnknownRun(string runId) =>
        TypedResults.Problem(statusCode: 404, title: "Unknown run", detail: $"no run '{runId}' is known here (recorded runs expire after a while)");

    private static async Task StreamEvents(string runId, RunFinder runs, HttpContext context)
    {
        if (await runs.FindAsync(runId, context.RequestAborted) is not { } run)
        {
            await UnknownRun(runId).ExecuteAsync(context);
            return;
        }
        var response = context.Response;
        response.ContentType = "application/x-ndjson";
        response.Headers.CacheControl = "no-store";
        var body = response.BodyWriter;
        await foreach (var e in run.Events.ReadAllAsync(context.RequestAborted))
        {
            EventNdjson.WriteLine(body, e);
            await body.FlushAsync(context.RequestAborted);
        }
    }
}

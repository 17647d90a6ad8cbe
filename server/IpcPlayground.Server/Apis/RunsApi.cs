using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Experiments;
using IpcPlayground.Runs;
using IpcPlayground.Server.ScaleOut;
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

    private static async Task<IResult> StartRun(HttpRequest request, RunCoordinator coordinator, IRunMirror mirror, IOptions<SizeCapsOptions> limits,
        IHostApplicationLifetime lifetime)
    {
        if (ReadMode(request) is not { } mode) return InvalidMode(request);
        var body = await ExperimentBody.ReadValidAsync(request, limits.Value.ToCaps());
        if (body.Problem is { } problem) return problem;
        var client = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (run, refusal) = coordinator.Start(body.Experiment!, body.Bytes, client, mode, lifetime.ApplicationStopping);
        return run is null ? TooManyRuns(request.HttpContext, refusal!, TimeSpan.FromSeconds(2)) : await AcceptedAsync(run, mirror);
    }

    /// <summary>The <c>?mode=</c> asked for (free when absent), or null when it is not a mode.</summary>
    public static string? ReadMode(HttpRequest request) =>
        request.Query["mode"].ToString() is { Length: > 0 } asked ? (asked is RunModes.Free or RunModes.Step ? asked : null) : RunModes.Free;

    public static IResult InvalidMode(HttpRequest request) =>
        ExperimentBody.Invalid([new ValidationError("mode", $"mode '{request.Query["mode"]}' is not one of {RunModes.Free}, {RunModes.Step}")]);

    /// <summary>202 with the run's id, once every instance can find the run by it.</summary>
    public static async Task<IResult> AcceptedAsync(Run run, IRunMirror mirror)
    {
        await mirror.AnnounceAsync(run, CancellationToken.None);
        return TypedResults.Accepted($"/api/runs/{run.Id}", new RunAccepted(run.Id));
    }

    /// <summary>429 with <c>Retry-After</c>, naming the limit that was reached.</summary>
    public static IResult TooManyRuns(HttpContext context, string detail, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many runs", detail: detail);
    }

    private static async Task<Results<Ok<RunSummary>, ProblemHttpResult>> GetRun(string runId, RunFinder runs, HttpContext context) =>
        await runs.FindAsync(runId, context.User, context.RequestAborted) is { } run ? TypedResults.Ok(run.Summarize()) : UnknownRun(runId);

    /// <summary>404 for a run id that is not running and has no unexpired record.</summary>
    public static ProblemHttpResult UnknownRun(string runId) =>
        TypedResults.Problem(statusCode: 404, title: "Unknown run", detail: $"no run '{runId}' is known here (recorded runs expire after a while)");

    private static async Task StreamEvents(string runId, RunFinder runs, HttpContext context)
    {
        if (await runs.FindAsync(runId, context.User, context.RequestAborted) is not { } run)
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

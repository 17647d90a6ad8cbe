using IpcPlayground.Server.Application;
using IpcPlayground.Server.Storage;
using IpcPlayground.Server.Access;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Experiments;
using IpcPlayground.Runs;
using IpcPlayground.Server.ScaleOut;
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

    private static Task<IResult> StartRun(HttpRequest request, RunStarter starter) =>
        starter.StartAsync(request, client: ClientAddress.Of(request.HttpContext));

    private static async Task<Results<Ok<RunSummary>, ProblemHttpResult>> GetRun(string runId, RunFinder runs, HttpContext context) =>
        await runs.FindAsync(runId, context.User, context.RequestAborted) is { } run ? TypedResults.Ok(run.Summarize()) : Problems.UnknownRun(runId);

    private static async Task StreamEvents(string runId, RunFinder runs, HttpContext context)
    {
        if (await runs.FindAsync(runId, context.User, context.RequestAborted) is not { } run)
        {
            await Problems.UnknownRun(runId).ExecuteAsync(context);
            return;
        }
        await EventNdjson.StreamAsync(context, run.Events.ReadAllAsync(context.RequestAborted), Contracts.Json.ContractsJsonContext.Default.RunEvent);
    }
}

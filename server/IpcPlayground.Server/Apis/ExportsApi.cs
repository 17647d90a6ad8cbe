using IpcPlayground.Server.Access;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Exports;
using IpcPlayground.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IpcPlayground.Server.Apis;

/// <summary>A finished run's events as one JSON document or a Chrome trace for Perfetto; a shared experiment as C.</summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs").WithTags("Exports");
        runs.MapGet("/{runId}/export.json", EventLog)
            .WithSummary("Every event of a finished run, as one JSON array (the NDJSON stream, gathered).");
        runs.MapGet("/{runId}/trace.json", Trace)
            .WithSummary("A finished run as Chrome trace-event JSON: open it in https://ui.perfetto.dev. One track per process.");
        app.MapGet("/api/experiments/{id}/export.c", CProgram).WithTags("Exports")
            .WithSummary("A shared experiment as a standalone C program making the same system calls (gcc -Wall -Werror prog.c -lrt -pthread).");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CProgram(string id, PlaygroundStore store, CancellationToken cancellationToken)
    {
        if (id.Length > 32 || await store.FindExperimentAsync(id, cancellationToken) is not { } stored) return ExperimentsApi.UnknownExperiment(id);
        var experiment = ExperimentReader.Read(stored.Body).Experiment;
        if (experiment is null)
            return TypedResults.Problem(statusCode: 422, title: "Cannot export", detail: $"experiment '{id}' is not valid on this server version");
        try
        {
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(CProgramExport.Generate(experiment)), "text/x-csrc", $"{id}.c");
        }
        catch (NotSupportedException e)
        {
            return TypedResults.Problem(statusCode: 422, title: "No faithful C for this experiment", detail: e.Message);
        }
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> EventLog(string runId, RunFinder runs, HttpContext context)
    {
        if (await Finished(runId, runs, context) is not { } events) return NotFinished(runId);
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(events, ContractsJsonContext.Default.RunEventArray);
        return TypedResults.File(json, "application/json", $"run-{runId}.json");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Trace(string runId, RunFinder runs, HttpContext context)
    {
        if (await Finished(runId, runs, context) is not { } events) return NotFinished(runId);
        return TypedResults.File(ChromeTraceExport.Write(events), "application/json", $"run-{runId}.trace.json");
    }

    private static async Task<Contracts.Events.RunEvent[]?> Finished(string runId, RunFinder runs, HttpContext context) =>
        await runs.FindAsync(runId, context.User, context.RequestAborted) is { Events.IsCompleted: true } run ? run.Events.Snapshot() : null;

    private static ProblemHttpResult NotFinished(string runId) =>
        TypedResults.Problem(statusCode: 404, title: "No finished run", detail: $"no finished run '{runId}' is known here; exports exist once a run has ended");
}

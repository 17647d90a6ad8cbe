using IpcPlayground.Contracts.Sharing;
using IpcPlayground.Experiments;
using IpcPlayground.Server.Access;
using IpcPlayground.Server.Application;
using IpcPlayground.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Apis;

/// <summary>Shared experiments: store one for a short link, read it back byte for byte.</summary>
public static class ExperimentsApi
{
    public static IEndpointRouteBuilder MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        var experiments = app.MapGroup("/api/experiments").WithTags("Experiments");
        experiments.MapPost("/", Share)
            .RequireRateLimiting(Hosting.RequestQuotas.Shares)
            .WithSummary("Stores a valid experiment; its id is derived from its bytes, so a link never changes meaning.");
        experiments.MapGet("/{id}", Get)
            .WithSummary("The experiment exactly as stored.");
        return app;
    }

    private static async Task<IResult> Share(HttpRequest request, PlaygroundStore store, StorageQuotas quotas, IOptions<SizeCapsOptions> caps)
    {
        var body = await ExperimentBody.ReadValidAsync(request, caps.Value.ToCaps());
        if (body.Problem is { } problem) return problem;
        // Sharing what is stored already adds nothing, so it is never refused by the daily quota.
        var id = await store.StoredIdOfAsync(body.Bytes, request.HttpContext.RequestAborted);
        if (id is null)
        {
            if (await quotas.SharingRefusalAsync(request.HttpContext, body.Bytes.Length) is { } overQuota) return overQuota;
            id = await store.SaveExperimentAsync(body.Bytes, body.Experiment!.Name, ClientAddress.KeyOf(request.HttpContext), request.HttpContext.RequestAborted);
        }
        return TypedResults.Created($"/api/experiments/{id}", new SharedExperiment(id, $"/e/{id}"));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Get(string id, PlaygroundStore store, CancellationToken cancellationToken)
    {
        if (id.Length > 32 || await store.FindExperimentAsync(id, cancellationToken) is not { } experiment)
            return UnknownExperiment(id);
        return TypedResults.File(experiment.Body, "application/json");
    }

    public static ProblemHttpResult UnknownExperiment(string id) =>
        TypedResults.Problem(statusCode: 404, title: "Unknown experiment", detail: $"no experiment '{id}' is stored here");
}

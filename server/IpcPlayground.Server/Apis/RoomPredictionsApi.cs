using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Ids;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Experiments;
using IpcPlayground.Runs;
using IpcPlayground.Server.Application;
using IpcPlayground.Server.Workshops;
using IpcPlayground.Storage;
using IpcPlayground.Storage.Model;
using IpcPlayground.Storage.Workshops;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Apis;

/// <summary>
/// A workshop's room prediction: the instructor starts one on a stored experiment, every participant runs it in predict
/// mode, and the room's answers are counted together. The instructor holds the room (answered steps wait) and lets it
/// go. Answers are recorded by the instance that runs each participant's run (<see cref="RoomPredictionRecorder"/>).
/// </summary>
public static class RoomPredictionsApi
{
    public static RouteGroupBuilder MapRoomPredictions(this RouteGroupBuilder workshops)
    {
        var prediction = workshops.MapGroup("/{workshopId}/prediction");
        prediction.MapPost("/", Start).RequireAuthorization(WorkshopRoles.Instructor)
            .WithSummary("Instructor: starts a predicted run of a stored experiment for the room, replacing the last; every page is told.");
        prediction.MapGet("/", Get).RequireAuthorization()
            .WithSummary("Either key: how the room answered each step it met, in the order it met them.");
        prediction.MapPost("/runs", StartRun).RequireAuthorization(WorkshopRoles.Participant)
            .WithSummary("Participant: starts their own predicted run of the room's experiment (replacing their earlier one).");
        prediction.MapPost("/hold", Hold).RequireAuthorization(WorkshopRoles.Instructor)
            .WithSummary("Instructor: holds the room (answered steps wait) or lets it go.");
        prediction.MapPost("/release", Release).RequireAuthorization(WorkshopRoles.Instructor)
            .WithSummary("Instructor: lets the answered steps go and keeps holding the room.");
        prediction.MapGet("/answers.csv", Answers).RequireAuthorization(WorkshopRoles.Instructor)
            .WithSummary("Instructor: every answer, one row each, as CSV.");
        prediction.MapGet("/mine", Mine).RequireAuthorization(WorkshopRoles.Participant)
            .WithSummary("Participant: their own answers, with what the kernel did once known.");
        return workshops;
    }

    private static async Task<IResult> Start(string workshopId, HttpRequest request, WorkshopStore workshops, PredictionStore predictions,
        PlaygroundStore experiments, IOptions<SizeCapsOptions> limits, IRoomPredictionSignals signals, WorkshopRoom room, TimeProvider time,
        ILoggerFactory loggers)
    {
        if (await OwnWorkshopAsync(workshopId, request.HttpContext, workshops) is not { } workshop) return Problems.UnknownWorkshop(workshopId);
        var body = await JsonRequestBody.ReadAsync(request, ContractsJsonContext.Default.StartPredictionRequest, "request");
        if (body.Problem is { } problem) return problem;
        var experimentId = body.Value!.ExperimentId?.Trim().TrimEnd('/').Split('/')[^1] ?? "";
        if (experimentId.Length == 0)
            return Invalid("experimentId", "name the stored experiment the room predicts (its id, or its share link)");
        if (experimentId.Length > 32 || await experiments.FindExperimentAsync(experimentId, request.HttpContext.RequestAborted) is not { } stored)
            return Invalid("experimentId", $"no experiment '{experimentId}' is stored here");
        var read = ExperimentReader.Read(stored.Body, limits.Value.ToCaps());
        if (!read.IsValid)
            return Invalid("experimentId", "the experiment does not run on this server: " + string.Join("; ", read.Errors.Take(3).Select(e => $"{e.Path}: {e.Message}")));
        if (workshop.EndedAtMs is not null) return Ended();

        var title = workshop.Experiments.FirstOrDefault(e => e.ExperimentId == experimentId)?.Title ?? stored.Name ?? read.Experiment!.Name ?? experimentId;
        var started = await predictions.StartAsync(new WorkshopPrediction
        {
            Id = Base32Id.Random(16), WorkshopId = workshop.Id, ExperimentId = experimentId, Title = title, StartedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        }, request.HttpContext.RequestAborted);
        WorkshopsLog.PredictionStarted(loggers.CreateLogger(typeof(RoomPredictionsApi).FullName!), workshop.Id, started.Id, experimentId);
        await signals.StartedAsync(workshop.Id, started.Id);
        var view = PredictionViews.Prediction(started);
        await room.PredictionChanged(workshop.Id, view);
        return TypedResults.Created($"/api/workshops/{workshop.Id}/prediction", view);
    }

    private static async Task<IResult> Get(string workshopId, HttpContext context, WorkshopStore workshops, PredictionStore predictions)
    {
        if (await OwnWorkshopAsync(workshopId, context, workshops) is null) return Problems.UnknownWorkshop(workshopId);
        if (await predictions.CurrentAsync(workshopId, context.RequestAborted) is not { } current) return NoPrediction();
        var questions = await predictions.QuestionsAsync(current.Id, context.RequestAborted);
        var counts = await predictions.CountsAsync(current.Id, questionKey: null, context.RequestAborted);
        return TypedResults.Ok(PredictionViews.Aggregate(current, questions, counts));
    }

    private static async Task<IResult> StartRun(string workshopId, HttpContext context, WorkshopStore workshops, PredictionStore predictions,
        PlaygroundStore experiments, WorkshopRunQuotas quotas, RunStarter starter, RoomPredictionRuns roomRuns, RoomPredictionRecorder recorder,
        WorkshopRunTracker tracker)
    {
        var caller = WorkshopCaller.Of(context.User)!;
        if (caller.WorkshopId != workshopId) return Problems.Forbidden("Not your workshop", "this key belongs to another workshop");
        if (await workshops.FindAsync(workshopId, context.RequestAborted) is not { } workshop) return Problems.UnknownWorkshop(workshopId);
        if (workshop.EndedAtMs is not null) return Ended();
        if (await predictions.CurrentAsync(workshopId, context.RequestAborted) is not { } current) return NoPrediction();
        if (await experiments.FindExperimentAsync(current.ExperimentId, context.RequestAborted) is not { } stored)
            return Problems.Conflict("The room's experiment is gone", $"experiment '{current.ExperimentId}' is no longer stored here");
        var owner = new RunOwner(workshopId, caller.ParticipantId!);
        await roomRuns.StopOwnAsync(owner);
        return await starter.StartRoomPredictionAsync(context, stored.Body, $"participant:{caller.ParticipantId}", owner,
            quota: () =>
            {
                var (lease, refused) = quotas.TryAcquire(workshopId, caller.ParticipantId!);
                return lease is null ? (null, Problems.TooManyRuns(context, refused!.Detail, refused.RetryAfter)) : (lease, null);
            },
            started: async run =>
            {
                // Held as the room is before anyone can answer: the run's id is handed out only after this.
                await roomRuns.AddAsync(run, workshopId, current.Id);
                recorder.Follow(run, caller, current.Id);
                tracker.Track(run, caller);
            });
    }

    private static async Task<IResult> Hold(string workshopId, HttpRequest request, WorkshopStore workshops, PredictionStore predictions,
        IRoomPredictionSignals signals, WorkshopRoom room)
    {
        if (await OwnWorkshopAsync(workshopId, request.HttpContext, workshops) is not { } workshop) return Problems.UnknownWorkshop(workshopId);
        var body = await JsonRequestBody.ReadAsync(request, ContractsJsonContext.Default.PredictionHoldRequest, "request");
        if (body.Problem is { } problem) return problem;
        if (body.Value!.Hold is not { } hold)
            return Invalid("hold", "hold is true (answered steps wait) or false (they go)");
        if (workshop.EndedAtMs is not null) return Ended();
        if (await predictions.CurrentAsync(workshopId, request.HttpContext.RequestAborted) is not { } current) return NoPrediction();
        await predictions.SetHoldAsync(current.Id, hold, request.HttpContext.RequestAborted);
        await signals.HoldChangedAsync(workshopId);
        var view = PredictionViews.Prediction(current) with { Hold = hold };
        await room.PredictionChanged(workshopId, view);
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> Release(string workshopId, HttpContext context, WorkshopStore workshops, PredictionStore predictions,
        IRoomPredictionSignals signals, WorkshopRoom room)
    {
        if (await OwnWorkshopAsync(workshopId, context, workshops) is not { } workshop) return Problems.UnknownWorkshop(workshopId);
        if (workshop.EndedAtMs is not null) return Ended();
        if (await predictions.CurrentAsync(workshopId, context.RequestAborted) is not { } current) return NoPrediction();
        await signals.ReleaseAsync(workshopId, current.Id);
        var view = PredictionViews.Prediction(current);
        await room.PredictionChanged(workshopId, view);
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> Answers(string workshopId, HttpContext context, WorkshopStore workshops, PredictionStore predictions)
    {
        if (await OwnWorkshopAsync(workshopId, context, workshops) is null) return Problems.UnknownWorkshop(workshopId);
        if (await predictions.CurrentAsync(workshopId, context.RequestAborted) is not { } current) return NoPrediction();
        var csv = AnswersCsv.Write(await predictions.AnswersAsync(current.Id, context.RequestAborted));
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"prediction-{current.Id}.csv\"";
        return TypedResults.Text(csv, "text/csv; charset=utf-8");
    }

    private static async Task<IResult> Mine(string workshopId, HttpContext context, WorkshopStore workshops, PredictionStore predictions)
    {
        var caller = WorkshopCaller.Of(context.User)!;
        if (await OwnWorkshopAsync(workshopId, context, workshops) is null) return Problems.UnknownWorkshop(workshopId);
        if (await predictions.CurrentAsync(workshopId, context.RequestAborted) is not { } current) return NoPrediction();
        var mine = await predictions.AnswersOfAsync(current.Id, caller.ParticipantId!, context.RequestAborted);
        return TypedResults.Json<IReadOnlyList<MyPrediction>>([.. mine.Select(PredictionViews.Mine)], ContractsJsonContext.Default.IReadOnlyListMyPrediction);
    }

    /// <summary>The caller's workshop, or null for another workshop's key (told apart from an unknown workshop by no one).</summary>
    private static async Task<Workshop?> OwnWorkshopAsync(string workshopId, HttpContext context, WorkshopStore workshops) =>
        WorkshopCaller.Of(context.User) is { } caller && caller.WorkshopId == workshopId ? await workshops.FindAsync(workshopId, context.RequestAborted) : null;

    private static IResult Invalid(string path, string message) =>
        ExperimentBody.Invalid([new ValidationError(path, message)], "The request is not valid");

    private static IResult NoPrediction() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No prediction",
        detail: "the instructor has not started a predicted run for this room");

    private static IResult Ended() => Problems.Conflict("Workshop ended", "this workshop has ended; its prediction can be read, not changed");
}

using IpcPlayground.Server.Application;
using IpcPlayground.Server.Access;
using IpcPlayground.Server.Workshops;
using System.Text;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Ids;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Experiments;
using IpcPlayground.Runs;
using IpcPlayground.Server.Apis;
using IpcPlayground.Server.ScaleOut;
using IpcPlayground.Storage;
using IpcPlayground.Storage.Workshops;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Apis;

/// <summary>
/// Hosted workshops: an instructor creates one and gets a secret instructor link and a join code; participants join
/// with a display name and run experiments as themselves. The live board and the room's controls are on
/// <see cref="WorkshopHub"/>.
/// </summary>
public static class WorkshopsApi
{
    public const string CreatePolicy = "workshop-create";
    public const string JoinPolicy = "workshop-join";
    private const int MaxTitle = 200;
    private const int MaxName = 40;

    public static IEndpointRouteBuilder MapWorkshopsApi(this IEndpointRouteBuilder app)
    {
        var workshops = app.MapGroup("/api/workshops").WithTags("Workshops");
        workshops.MapPost("/", Create).RequireRateLimiting(CreatePolicy)
            .WithSummary("Creates a workshop from lessons and share links; answers the instructor key (once) and the join code.");
        workshops.MapPost("/join", Join).RequireRateLimiting(JoinPolicy)
            .WithSummary("Joins a workshop by its code with a display name; answers the participant's key.");
        workshops.MapGet("/join/{code}", Preview).RequireRateLimiting(JoinPolicy)
            .WithSummary("The title of the workshop a join code opens, and whether it still takes people (for the join page).");
        workshops.MapGet("/{workshopId}", Get).RequireAuthorization()
            .WithSummary("The workshop, for its instructor or a participant (Authorization: Bearer key).");
        workshops.MapPost("/{workshopId}/runs", StartRun).RequireAuthorization(WorkshopRoles.Participant)
            .WithSummary("Starts a run as a participant (Bearer participant key); only they, the instructor and a spotlight see it.");
        workshops.MapRoomPredictions();
        return app;
    }

    private static async Task<IResult> Create(CreateWorkshopRequest request, WorkshopStore workshops, PlaygroundStore experiments,
        IOptions<WorkshopOptions> options, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var title = request.Title?.Trim() ?? "";
        if (title.Length is 0 or > MaxTitle) errors.Add(new ValidationError("title", $"title is from 1 to {MaxTitle} characters"));
        else if (!StoredText.IsClean(title)) errors.Add(new ValidationError("title", "title may not contain control characters"));
        var sources = request.Experiments ?? [];
        if (sources.Count == 0 || sources.Count > options.Value.MaxExperiments)
            errors.Add(new ValidationError("experiments", $"a workshop has from 1 to {options.Value.MaxExperiments} experiments"));
        var list = new List<(string Title, string ExperimentId)>();
        for (var i = 0; i < Math.Min(sources.Count, options.Value.MaxExperiments); i++)
        {
            var (entry, error) = await ResolveAsync(sources[i], $"experiments[{i}]", experiments, cancellationToken);
            if (error is not null) errors.Add(error);
            else list.Add(entry);
        }
        if (errors.Count > 0) return ExperimentBody.Invalid(errors, "The workshop is not valid");
        var workshopId = Base32Id.Random(16);
        var (key, hash) = WorkshopKeys.NewInstructorKey(workshopId);
        var workshop = await workshops.CreateAsync(workshopId, title, list, hash, cancellationToken);
        return TypedResults.Created($"/api/workshops/{workshop.Id}",
            new CreatedWorkshop(workshop.Id, workshop.JoinCode, key, $"/w/{workshop.Id}#key={key}", $"/join/{workshop.JoinCode}"));
    }

    private static async Task<((string, string), ValidationError?)> ResolveAsync(WorkshopExperimentSource source, string path,
        PlaygroundStore experiments, CancellationToken cancellationToken)
    {
        if (source is { Lesson: { Length: > 0 } lessonId, Link: null or "" })
        {
            if (LessonLibrary.All.FirstOrDefault(l => l.Id == lessonId) is not { } lesson)
                return (default, new ValidationError(path + ".lesson", $"no lesson '{lessonId}'; the gallery has {string.Join(", ", LessonLibrary.All.Select(l => l.Id))}"));
            var id = await experiments.SaveExperimentAsync(Encoding.UTF8.GetBytes(lesson.ExperimentJson), lesson.Title.En, client: null, cancellationToken);
            return ((lesson.Title.En, id), null);
        }
        if (source is { Link: { Length: > 0 } link, Lesson: null or "" })
        {
            var id = link.TrimEnd('/').Split('/')[^1];
            if (id.Length is 0 or > 32 || await experiments.FindExperimentAsync(id, cancellationToken) is not { } stored)
                return (default, new ValidationError(path + ".link", $"'{link}' is not a share link of this server (/e/{{id}})"));
            return ((stored.Name ?? id, id), null);
        }
        return (default, new ValidationError(path, "name either a lesson or a link"));
    }

    private static async Task<IResult> Join(JoinWorkshopRequest request, HttpContext context, WorkshopStore workshops, IOptions<WorkshopOptions> options,
        JoinGate gate, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxName || !StoredText.IsClean(name))
            return ExperimentBody.Invalid([new ValidationError("name", $"a name is from 1 to {MaxName} characters, without control characters")], "The name is not valid");
        if (string.IsNullOrWhiteSpace(request.Code) || await workshops.FindByCodeAsync(request.Code, cancellationToken) is not { } workshop)
            return TypedResults.Problem(statusCode: 404, title: "Unknown code", detail: $"no workshop has the code '{request.Code}'");
        if (workshop.EndedAtMs is not null)
            return Problems.Forbidden("Workshop ended", "this workshop has ended");
        if (!workshop.JoinOpen)
            return Problems.Forbidden("Joining is closed", "the instructor has closed this workshop to new participants");
        var (participant, key, refusal) = await gate.OneAtATimeAsync(workshop.Id, async () =>
        {
            var minuteAgo = time.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds();
            var (joined, first) = await workshops.JoinedSinceAsync(workshop.Id, minuteAgo, cancellationToken);
            if (joined >= options.Value.JoinsPerWorkshopPerMinute)
                return (null, null, Problems.TooMany(context, "Too many joins",
                    $"this workshop accepts {options.Value.JoinsPerWorkshopPerMinute} joins a minute (Workshops:JoinsPerWorkshopPerMinute)",
                    TimeSpan.FromMilliseconds((first ?? minuteAgo) - minuteAgo)));
            var participantId = Base32Id.Random(16);
            var (key, hash) = WorkshopKeys.NewParticipantKey(participantId);
            return await workshops.AddParticipantAsync(participantId, workshop.Id, name, hash, options.Value.MaxParticipants, cancellationToken) is { } added
                ? (added, key, (IResult?)null)
                : (null, null, Problems.Conflict("Workshop full", $"this workshop already has {options.Value.MaxParticipants} participants"));
        }, cancellationToken);
        if (refusal is not null) return refusal;
        var spotlighted = workshop.SpotlightParticipantId is { } s ? await workshops.FindParticipantAsync(s, cancellationToken) : null;
        return TypedResults.Ok(new JoinedWorkshop(participant!.Id, key!, participant.Name,
            WorkshopViews.Info(workshop, spotlighted, options.Value.ToQuotas())));
    }

    private static async Task<Results<Ok<WorkshopPreview>, ProblemHttpResult>> Preview(string code, WorkshopStore workshops, CancellationToken cancellationToken) =>
        await workshops.FindByCodeAsync(code, cancellationToken) is { } workshop
            ? TypedResults.Ok(new WorkshopPreview(workshop.Title, workshop.JoinOpen && workshop.EndedAtMs is null, workshop.EndedAtMs is not null))
            : TypedResults.Problem(statusCode: 404, title: "Unknown code", detail: $"no workshop has the code '{code}'");

    private static async Task<Results<Ok<WorkshopInfo>, ProblemHttpResult>> Get(string workshopId, HttpContext context, WorkshopStore workshops,
        IOptions<WorkshopOptions> options)
    {
        if (WorkshopCaller.Of(context.User) is not { } caller || caller.WorkshopId != workshopId
            || await workshops.FindAsync(workshopId, context.RequestAborted) is not { } workshop)
            return Problems.UnknownWorkshop(workshopId);
        var spotlighted = workshop.SpotlightParticipantId is { } s ? await workshops.FindParticipantAsync(s, context.RequestAborted) : null;
        return TypedResults.Ok(WorkshopViews.Info(workshop, spotlighted, options.Value.ToQuotas()));
    }

    private static async Task<IResult> StartRun(string workshopId, HttpRequest request, WorkshopStore workshops, WorkshopRunQuotas quotas,
        RunStarter starter, WorkshopRunTracker tracker)
    {
        var caller = WorkshopCaller.Of(request.HttpContext.User)!;
        if (caller.WorkshopId != workshopId)
            return Problems.Forbidden("Not your workshop", "this key belongs to another workshop");
        if (await workshops.FindAsync(workshopId, request.HttpContext.RequestAborted) is not { } workshop || workshop.EndedAtMs is not null)
            return Problems.Forbidden("Workshop ended", "this workshop has ended; runs are no longer accepted");
        return await starter.StartAsync(request, $"participant:{caller.ParticipantId}", new RunOwner(workshopId, caller.ParticipantId!),
            quota: () =>
            {
                var (lease, refused) = quotas.TryAcquire(workshopId, caller.ParticipantId!);
                return lease is null ? (null, Problems.TooManyRuns(request.HttpContext, refused!.Detail, refused.RetryAfter)) : (lease, null);
            },
            // After the announcement: the board shows the run only once every instance can find it.
            started: run =>
            {
                tracker.Track(run, caller);
                return Task.CompletedTask;
            });
    }

}

namespace IpcPlayground.Contracts.Workshops;

/// <summary>The body of <c>POST /api/workshops</c>: a title and the experiments the room will work through, in order.</summary>
public sealed record CreateWorkshopRequest(string Title, IReadOnlyList<WorkshopExperimentSource> Experiments);

/// <summary>One experiment of a new workshop: a lesson of the gallery by id, or a share link (<c>/e/{id}</c>, or the id alone).</summary>
public sealed record WorkshopExperimentSource(string? Lesson = null, string? Link = null);

/// <summary>
/// The answer to <c>POST /api/workshops</c>. <see cref="InstructorKey"/> is the instructor's secret, shown once and
/// kept only as a hash; <see cref="InstructorUrl"/> carries it in the fragment, so it never reaches a server log.
/// </summary>
public sealed record CreatedWorkshop(string WorkshopId, string JoinCode, string InstructorKey, string InstructorUrl, string JoinUrl);

/// <summary>The body of <c>POST /api/workshops/join</c>: the room's code and the name to show; no account.</summary>
public sealed record JoinWorkshopRequest(string Code, string Name);

/// <summary>
/// What the join page shows before a person gives their name (<c>GET /api/workshops/join/{code}</c>): the room's
/// title, and whether it still takes people. Nothing in it is secret beyond what the code already gives.
/// </summary>
public sealed record WorkshopPreview(string Title, bool JoinOpen, bool Ended);

/// <summary>
/// The answer to a join. <see cref="ParticipantKey"/> is this participant's secret: sent as a bearer token (or
/// <c>access_token</c> for the hubs) it lets them run, follow their own runs and rejoin after a reload.
/// </summary>
public sealed record JoinedWorkshop(string ParticipantId, string ParticipantKey, string Name, WorkshopInfo Workshop);

/// <summary>An experiment of a workshop: its position, its title, and the stored experiment (<c>/api/experiments/{id}</c>).</summary>
public sealed record WorkshopExperiment(int Index, string Title, string ExperimentId);

/// <summary>What instructor and participants alike know of a workshop: <c>GET /api/workshops/{id}</c> with either key.</summary>
public sealed record WorkshopInfo(
    string WorkshopId,
    string Title,
    string JoinCode,
    bool JoinOpen,
    bool Ended,
    IReadOnlyList<WorkshopExperiment> Experiments,
    WorkshopQuotas Quotas,
    Spotlight? Spotlight = null);

/// <summary>The limits a workshop runs under, so the page can say them before they are hit.</summary>
public sealed record WorkshopQuotas(int MaxParticipants, int RunsPerParticipantPerMinute, int ConcurrentRunsPerParticipant, int ConcurrentRunsPerWorkshop);

/// <summary>Who the instructor has put on the room's screen, and their current run (null until they start one).</summary>
public sealed record Spotlight(string ParticipantId, string Name, string? RunId);

/// <summary>The roles a key gives; enforced by the server on every API and hub method.</summary>
public static class WorkshopRoles
{
    public const string Instructor = "instructor";
    public const string Participant = "participant";
}

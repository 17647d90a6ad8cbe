using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Client.Services.Workshops;

/// <summary>
/// The instructor's board as the page holds it: the participants in the order they joined, updated one at a time
/// from <c>ParticipantChanged</c>, with the room's totals and a filter for those who need help.
/// </summary>
public sealed class BoardState(WorkshopInfo workshop)
{
    private readonly Dictionary<string, ParticipantStatus> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public WorkshopInfo Workshop { get; private set; } = workshop;

    public static BoardState From(WorkshopBoard board)
    {
        var state = new BoardState(board.Workshop);
        foreach (var participant in board.Participants) state.Apply(participant);
        return state;
    }

    /// <summary>
    /// A participant joined or changed; a newcomer goes to the end, everyone else keeps their row. A change that is
    /// older than what the row shows (the same run, fewer events) keeps the row's run: a board read while changes
    /// were arriving must not step back.
    /// </summary>
    public void Apply(ParticipantStatus participant)
    {
        if (!_byId.TryGetValue(participant.ParticipantId, out var shown)) _order.Add(participant.ParticipantId);
        else if (shown.Run is { } run && participant.Run is { } arriving && run.RunId == arriving.RunId && arriving.EventCount < run.EventCount)
            participant = participant with { Run = run };
        _byId[participant.ParticipantId] = participant;
    }

    /// <summary>The instructor removed a participant: their row goes.</summary>
    public void Remove(string participantId)
    {
        if (_byId.Remove(participantId)) _order.Remove(participantId);
    }

    public void SetWorkshop(WorkshopInfo workshop) => Workshop = workshop;

    public void SetSpotlight(Spotlight? spotlight) => Workshop = Workshop with { Spotlight = spotlight };

    public ParticipantStatus? Find(string participantId) => _byId.GetValueOrDefault(participantId);

    /// <summary>Every participant in join order, or only those stuck (blocked, deadlocked, or whose last run failed).</summary>
    public IReadOnlyList<ParticipantStatus> Rows(bool onlyNeedingHelp = false) =>
        [.. _order.Select(id => _byId[id]).Where(p => !onlyNeedingHelp || NeedsHelp(p))];

    public BoardCounts Counts
    {
        get
        {
            var all = _byId.Values;
            return new BoardCounts(
                all.Count,
                all.Count(p => p.Online),
                all.Count(p => StateOf(p) is ParticipantState.Running or ParticipantState.Blocked or ParticipantState.Deadlocked),
                all.Count(p => StateOf(p) == ParticipantState.Blocked),
                all.Count(p => StateOf(p) == ParticipantState.Deadlocked));
        }
    }

    /// <summary>How many participants are on each experiment, in the workshop's order, then any others they named.</summary>
    public IReadOnlyList<(string Experiment, int Participants)> ByExperiment()
    {
        var counts = _byId.Values.Where(p => p.Experiment is not null).GroupBy(p => p.Experiment!).ToDictionary(g => g.Key, g => g.Count());
        var ordered = Workshop.Experiments.Select(e => e.Title).Distinct().Where(counts.ContainsKey).ToList();
        ordered.AddRange(counts.Keys.Except(ordered).Order(StringComparer.Ordinal));
        return [.. ordered.Select(title => (title, counts[title]))];
    }

    public static bool NeedsHelp(ParticipantStatus participant) =>
        StateOf(participant) is ParticipantState.Blocked or ParticipantState.Deadlocked or ParticipantState.Failed;

    /// <summary>One word for a participant's row: what their latest run is doing, or how it ended.</summary>
    public static ParticipantState StateOf(ParticipantStatus participant) => participant.Run switch
    {
        null => ParticipantState.Idle,
        { Deadlocked: true } => ParticipantState.Deadlocked,
        { Status: RunStatuses.Running, Blocked.Count: > 0 } => ParticipantState.Blocked,
        { Status: RunStatuses.Running } => ParticipantState.Running,
        { Status: RunStatuses.Completed } => ParticipantState.Completed,
        _ => ParticipantState.Failed,
    };
}

public enum ParticipantState { Idle, Running, Blocked, Deadlocked, Completed, Failed }

public sealed record BoardCounts(int Joined, int Online, int Running, int Blocked, int Deadlocked);

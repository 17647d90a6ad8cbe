using IpcPlayground.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace IpcPlayground.Storage.Workshops;

/// <summary>Workshops and their participants, in the same database as share links, so they survive a restart.</summary>
public sealed class WorkshopStore(PlaygroundDb db, TimeProvider time)
{
    /// <summary>Join codes avoid 0/O and 1/I/L so they can be read aloud and typed from a projector.</summary>
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int CodeLength = 6;

    public async Task<Workshop> CreateAsync(string id, string title, IReadOnlyList<(string Title, string ExperimentId)> experiments,
        string instructorKeyHash, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var workshop = new Workshop
            {
                Id = id, Title = title, JoinCode = NewJoinCode(), InstructorKeyHash = instructorKeyHash,
                CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
                Experiments = [.. experiments.Select((e, i) => new WorkshopExperimentEntry { WorkshopId = id, Position = i, Title = e.Title, ExperimentId = e.ExperimentId })],
            };
            await using var context = db.Open();
            context.Workshops.Add(workshop);
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return workshop;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // A join code already in use: draw another.
            }
        }
    }

    public async Task<Workshop?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        return await context.Workshops.AsNoTracking().Include(w => w.Experiments.OrderBy(e => e.Position))
            .FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
    }

    public async Task<Workshop?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var normalized = code.Trim().ToUpperInvariant();
        await using var context = db.Open();
        return await context.Workshops.AsNoTracking().Include(w => w.Experiments.OrderBy(e => e.Position))
            .FirstOrDefaultAsync(w => w.JoinCode == normalized, cancellationToken);
    }

    /// <summary>Adds a participant unless the workshop already has <paramref name="maxParticipants"/>; null when full.</summary>
    public async Task<Participant?> AddParticipantAsync(string id, string workshopId, string name, string keyHash, int maxParticipants, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        if (await context.Participants.CountAsync(p => p.WorkshopId == workshopId, cancellationToken) >= maxParticipants) return null;
        var participant = new Participant
        {
            Id = id, WorkshopId = workshopId, Name = name, KeyHash = keyHash,
            JoinedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        context.Participants.Add(participant);
        await context.SaveChangesAsync(cancellationToken);
        return participant;
    }

    /// <summary>How many joined the workshop since <paramref name="sinceMs"/> (removed participants no longer count), and when the first of them did.</summary>
    public async Task<(int Count, long? FirstAtMs)> JoinedSinceAsync(string workshopId, long sinceMs, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        var joined = context.Participants.Where(p => p.WorkshopId == workshopId && p.JoinedAtMs >= sinceMs);
        return (await joined.CountAsync(cancellationToken), await joined.Select(p => (long?)p.JoinedAtMs).MinAsync(cancellationToken));
    }

    /// <summary>Deletes the participant, and clears the spotlight if it was on them; false when they were not in the workshop.</summary>
    public async Task<bool> RemoveParticipantAsync(string workshopId, string participantId, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        await context.Workshops.Where(w => w.Id == workshopId && w.SpotlightParticipantId == participantId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.SpotlightParticipantId, (string?)null), cancellationToken);
        return await context.Participants.Where(p => p.Id == participantId && p.WorkshopId == workshopId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task<Participant?> FindParticipantAsync(string id, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        return await context.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    public async Task<List<Participant>> ParticipantsOfAsync(string workshopId, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        return await context.Participants.AsNoTracking().Where(p => p.WorkshopId == workshopId)
            .OrderBy(p => p.JoinedAtMs).ThenBy(p => p.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Counts a hub connection opening (+1) or closing (-1); done in the database, as connections land on any instance.</summary>
    public async Task AddConnectionAsync(string participantId, int delta, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        await context.Participants.Where(p => p.Id == participantId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Connections, p => p.Connections + delta < 0 ? 0 : p.Connections + delta), cancellationToken);
    }

    /// <summary>Marks everyone offline: for a lone instance starting up, as no connection outlives its server.</summary>
    public async Task ResetConnectionsAsync(CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        await context.Participants.Where(p => p.Connections != 0).ExecuteUpdateAsync(s => s.SetProperty(p => p.Connections, 0), cancellationToken);
    }

    public async Task SetExperimentAsync(string participantId, string title, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        await context.Participants.Where(p => p.Id == participantId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Experiment, title), cancellationToken);
    }

    /// <summary>
    /// Saves the participant's latest run as the board shows it. With <paramref name="takeOver"/> the run becomes their
    /// latest; without, the row changes only if it still shows this run. False when nothing changed.
    /// </summary>
    public async Task<bool> SetLastRunAsync(string participantId, string runId, string status, int eventCount, string? blocked, bool deadlocked,
        bool takeOver, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        return await context.Participants.Where(p => p.Id == participantId && (takeOver || p.LastRunId == runId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastRunId, runId).SetProperty(p => p.LastRunStatus, status)
                .SetProperty(p => p.LastRunEventCount, eventCount).SetProperty(p => p.LastRunBlocked, blocked)
                .SetProperty(p => p.LastRunDeadlocked, deadlocked), cancellationToken) > 0;
    }

    public async Task<string?> SpotlightOfAsync(string workshopId, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        return await context.Workshops.Where(w => w.Id == workshopId).Select(w => w.SpotlightParticipantId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SetJoinOpenAsync(string workshopId, bool open, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        await context.Workshops.Where(w => w.Id == workshopId).ExecuteUpdateAsync(s => s.SetProperty(w => w.JoinOpen, open), cancellationToken);
    }

    public async Task SetSpotlightAsync(string workshopId, string? participantId, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        await context.Workshops.Where(w => w.Id == workshopId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.SpotlightParticipantId, participantId), cancellationToken);
    }

    /// <summary>Ends the workshop: no more joins, runs or spotlight. Its record stays, for the board to show what happened.</summary>
    public async Task EndAsync(string workshopId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var context = db.Open();
        await context.Workshops.Where(w => w.Id == workshopId && w.EndedAtMs == null).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.EndedAtMs, now).SetProperty(w => w.JoinOpen, false).SetProperty(w => w.SpotlightParticipantId, (string?)null), cancellationToken);
    }

    private static string NewJoinCode()
    {
        Span<char> code = stackalloc char[CodeLength];
        for (var i = 0; i < code.Length; i++) code[i] = CodeAlphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        return new string(code);
    }
}

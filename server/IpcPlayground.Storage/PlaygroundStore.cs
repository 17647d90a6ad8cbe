using System.Security.Cryptography;
using IpcPlayground.Contracts.Ids;
using IpcPlayground.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace IpcPlayground.Storage;

/// <summary>Shared experiments, recorded runs and measurements, whichever database holds them.</summary>
public sealed class PlaygroundStore(PlaygroundDb db, TimeProvider time)
{
    /// <summary>
    /// Stores the experiment's exact bytes and returns its id. The id is derived from the bytes, so posting the same
    /// experiment twice gives the same link, and an id can never come to mean other bytes.
    /// </summary>
    public async Task<string> SaveExperimentAsync(byte[] body, string? name, string? client, CancellationToken cancellationToken)
    {
        var hash = SHA256.HashData(body);
        await using var context = db.Open();
        foreach (var length in IdLengths)
        {
            var id = ShortId(hash, length);
            var existing = await context.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (existing is not null)
            {
                if (existing.Body.AsSpan().SequenceEqual(body)) return id;
                continue;
            }
            context.Experiments.Add(new StoredExperiment { Id = id, Body = body, Name = name, CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(), Client = client });
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return id;
            }
            catch (DbUpdateException)
            {
                // Someone stored the same id at the same moment: fine if it is these bytes.
                if (await ExistsWithSameBytes(id, body, cancellationToken)) return id;
                throw;
            }
        }
        throw new InvalidOperationException("no free id for this experiment");
    }

    /// <summary>The id of exactly these bytes if they are stored already (sharing them again adds nothing), or null.</summary>
    public async Task<string?> StoredIdOfAsync(byte[] body, CancellationToken cancellationToken)
    {
        var hash = SHA256.HashData(body);
        foreach (var length in IdLengths)
            if (await ExistsWithSameBytes(ShortId(hash, length), body, cancellationToken)) return ShortId(hash, length);
        return null;
    }

    /// <summary>An id is the shortest of these prefixes of the bytes' hash that no other bytes hold.</summary>
    private static readonly int[] IdLengths = [10, 16, 26];

    private async Task<bool> ExistsWithSameBytes(string id, byte[] body, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        var stored = await context.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return stored is not null && stored.Body.AsSpan().SequenceEqual(body);
    }

    public async Task<StoredExperiment?> FindExperimentAsync(string id, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        return await context.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    public async Task RecordRunAsync(RecordedRun run, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        context.Runs.Add(run);
        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A recorded run that has not expired.</summary>
    public async Task<RecordedRun?> FindRunAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var context = db.Open();
        return await context.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.ExpiresAtMs > now, cancellationToken);
    }

    public async Task RecordMeasurementAsync(RecordedMeasurement measurement, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        context.Measurements.Add(measurement);
        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A recorded measurement that has not expired.</summary>
    public async Task<RecordedMeasurement?> FindMeasurementAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var context = db.Open();
        return await context.Measurements.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.ExpiresAtMs > now, cancellationToken);
    }

    /// <summary>Deletes recorded runs and measurements past their expiry; returns how many.</summary>
    public async Task<int> DeleteExpiredRunsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var context = db.Open();
        return await context.Runs.Where(r => r.ExpiresAtMs <= now).ExecuteDeleteAsync(cancellationToken)
            + await context.Measurements.Where(m => m.ExpiresAtMs <= now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Bytes the client has had recorded since <paramref name="sinceMs"/> — runs' events and measurements' alike — and
    /// when the oldest of those ended.
    /// </summary>
    public async Task<ClientUsage> RecordedSinceAsync(string client, long sinceMs, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        var runs = context.Runs.Where(r => r.Client == client && r.EndedAtMs >= sinceMs);
        var measurements = context.Measurements.Where(m => m.Client == client && m.EndedAtMs >= sinceMs);
        var oldestRun = await runs.Select(r => (long?)r.EndedAtMs).MinAsync(cancellationToken);
        var oldestMeasurement = await measurements.Select(m => (long?)m.EndedAtMs).MinAsync(cancellationToken);
        return new(await runs.SumAsync(r => r.EventBytes, cancellationToken) + await measurements.SumAsync(m => (long)m.EventsNdjson.Length, cancellationToken),
            oldestRun is null ? oldestMeasurement : oldestMeasurement is null ? oldestRun : Math.Min(oldestRun.Value, oldestMeasurement.Value));
    }

    /// <summary>Bytes of experiments the client has shared since <paramref name="sinceMs"/>, and when it shared the oldest of those.</summary>
    public async Task<ClientUsage> SharedSinceAsync(string client, long sinceMs, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        var shared = context.Experiments.Where(e => e.Client == client && e.CreatedAtMs >= sinceMs);
        return new(await shared.SumAsync(e => (long)e.Body.Length, cancellationToken),
            await shared.Select(e => (long?)e.CreatedAtMs).MinAsync(cancellationToken));
    }

    /// <summary>Forgets whose runs, shares and measurements were stored before <paramref name="beforeMs"/>: the daily quotas no longer need it.</summary>
    public async Task<int> ForgetClientsAsync(long beforeMs, CancellationToken cancellationToken)
    {
        await using var context = db.Open();
        var runs = await context.Runs.Where(r => r.Client != null && r.EndedAtMs < beforeMs)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Client, (string?)null), cancellationToken);
        var shares = await context.Experiments.Where(e => e.Client != null && e.CreatedAtMs < beforeMs)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Client, (string?)null), cancellationToken);
        var measurements = await context.Measurements.Where(m => m.Client != null && m.EndedAtMs < beforeMs)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Client, (string?)null), cancellationToken);
        return runs + shares + measurements;
    }

    internal static string ShortId(byte[] hash, int length) => Base32Id.Of(hash, length);
}

/// <summary>What a client has stored within a window: bytes, and when the oldest of them was stored (null for nothing).</summary>
public readonly record struct ClientUsage(long Bytes, long? OldestAtMs);

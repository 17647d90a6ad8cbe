using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Runs;
using StackExchange.Redis;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>
/// Live runs in Redis: a hash of what the run is (name, mode, start, owner, experiment) and a list of its events as
/// contract JSON, kept for an hour after the last event; by then the run's record in the database serves it.
/// </summary>
public sealed partial class RedisRunMirror(IConnectionMultiplexer redis, TimeProvider time, ILogger<RedisRunMirror> logger) : IRunMirror
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private static RedisKey InfoKey(string runId) => $"ipcplay:run:{runId}:info";
    private static RedisKey EventsKey(string runId) => $"ipcplay:run:{runId}:events";

    public async Task AnnounceAsync(Run run, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        try
        {
            await db.HashSetAsync(InfoKey(run.Id),
            [
                new("name", run.Name ?? ""), new("mode", run.Control.Mode),
                new("startedAtMs", run.StartedAt.ToUnixTimeMilliseconds()), new("experiment", run.ExperimentJson),
                new("workshop", run.Owner?.WorkshopId ?? ""), new("participant", run.Owner?.ParticipantId ?? ""),
            ]);
            await db.KeyExpireAsync(InfoKey(run.Id), KeptFor);
        }
        catch (RedisException e)
        {
            // The run goes on here; other instances will not find it until Redis is back.
            ScaleOutLog.RunAnnounceFailed(logger, run.Id, e);
        }
    }

    public async Task AppendAsync(Run run, RunEvent[] events, CancellationToken cancellationToken)
    {
        if (events.Length == 0) return;
        var db = redis.GetDatabase();
        var first = events[0].Seq == 1;
        var last = events[^1] is RunEndEvent;
        await db.ListRightPushAsync(EventsKey(run.Id), [.. events.Select(e => (RedisValue)JsonSerializer.SerializeToUtf8Bytes(e, ContractsJsonContext.Default.RunEvent))]);
        if (first || last)
        {
            await db.KeyExpireAsync(InfoKey(run.Id), KeptFor);
            await db.KeyExpireAsync(EventsKey(run.Id), KeptFor);
        }
    }

    public async Task<Run?> FindAsync(string runId, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var info = (await db.HashGetAllAsync(InfoKey(runId))).ToDictionary(e => e.Name.ToString(), e => e.Value);
        if (info.Count == 0) return null;
        var events = (await db.ListRangeAsync(EventsKey(runId)))
            .Select(v => JsonSerializer.Deserialize((byte[])v!, ContractsJsonContext.Default.RunEvent)!)
            .ToList();
        var startedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)info["startedAtMs"]);
        var owner = info["workshop"].IsNullOrEmpty ? null : new RunOwner(info["workshop"]!, info["participant"]!);
        var name = info["name"].IsNullOrEmpty ? null : (string?)info["name"];
        DateTimeOffset? endedAt = events.LastOrDefault() is RunEndEvent ? time.GetUtcNow() : null;
        return Run.Restore(runId, name, info["mode"]!, (byte[])info["experiment"]!, startedAt, endedAt, events, time, owner);
    }
}

using IpcPlayground.Server.Workshops;
using StackExchange.Redis;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>
/// Participant removals over Redis pub/sub: every instance, the announcing one too, hears them and stops the
/// participant's runs and connections it holds. If Redis is down, this instance evicts what it holds and the others
/// keep theirs (which can call nothing more, and end by their own timeouts).
/// </summary>
public sealed class RedisParticipantRemovals(IConnectionMultiplexer redis, ParticipantEviction eviction, ILogger<RedisParticipantRemovals> logger)
    : RedisAnnouncements(redis, RedisChannel.Literal("ipcplay:participant-removed"), logger), IParticipantRemovals
{
    public Task AnnounceAsync(string workshopId, string participantId) => PublishAsync($"{workshopId} {participantId}", e =>
    {
        ScaleOutLog.RemovalAnnounceFailed(logger, participantId, e);
        eviction.Evict(workshopId, participantId);
        return Task.CompletedTask;
    });

    protected override Task HearAsync(string message)
    {
        if (message.Split(' ') is [var workshopId, var participantId]) eviction.Evict(workshopId, participantId);
        return Task.CompletedTask;
    }
}

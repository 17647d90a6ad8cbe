using IpcPlayground.Server.Workshops;
using StackExchange.Redis;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>
/// Participant removals over Redis pub/sub: every instance, the announcing one too, hears them and stops the
/// participant's runs and connections it holds. If Redis is down, this instance evicts what it holds and the others
/// keep theirs (which can call nothing more, and end by their own timeouts).
/// </summary>
public sealed class RedisParticipantRemovals(IConnectionMultiplexer redis, ParticipantEviction eviction, ILogger<RedisParticipantRemovals> logger)
    : BackgroundService, IParticipantRemovals
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("ipcplay:participant-removed");
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public async Task AnnounceAsync(string workshopId, string participantId)
    {
        try { await redis.GetSubscriber().PublishAsync(Channel, $"{workshopId} {participantId}"); }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            ScaleOutLog.RemovalAnnounceFailed(logger, participantId, e);
            eviction.Evict(workshopId, participantId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
                {
                    if (message.ToString().Split(' ') is [var workshopId, var participantId]) eviction.Evict(workshopId, participantId);
                });
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException) { ScaleOutLog.RemovalSubscribeFailed(logger, RetryAfter.TotalSeconds, e); }
            await Task.Delay(RetryAfter, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await redis.GetSubscriber().UnsubscribeAsync(Channel); }
        catch (Exception e) when (e is RedisException or TimeoutException) { /* the connection goes with the process */ }
    }
}

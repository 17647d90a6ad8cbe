using IpcPlayground.Server.Workshops;
using StackExchange.Redis;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>
/// Spotlight moves over Redis pub/sub: every instance, the announcing one too, hears them and revokes its own viewers.
/// If Redis is down, this instance revokes its own and the others keep theirs until the next move they hear; an
/// instance that starts while Redis is down keeps trying to subscribe.
/// </summary>
public sealed partial class RedisSpotlightMoves(IConnectionMultiplexer redis, SpotlightViewers viewers, ILogger<RedisSpotlightMoves> logger)
    : BackgroundService, ISpotlightMoves
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("ipcplay:spotlight-moved");
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public async Task AnnounceAsync(string workshopId)
    {
        try { await redis.GetSubscriber().PublishAsync(Channel, workshopId); }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            ScaleOutLog.SpotlightAnnounceFailed(logger, workshopId, e);
            await viewers.RevokeAsync(workshopId, CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => RevokeInBackground(message.ToString()));
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException) { ScaleOutLog.SpotlightSubscribeFailed(logger, RetryAfter.TotalSeconds, e); }
            await Task.Delay(RetryAfter, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await redis.GetSubscriber().UnsubscribeAsync(Channel); }
        catch (Exception e) when (e is RedisException or TimeoutException) { /* the connection goes with the process */ }
    }

    // Not awaited: a subscription handler must not hold up the connection's other messages.
    private void RevokeInBackground(string workshopId) => _ = RevokeAsync(workshopId);

    private async Task RevokeAsync(string workshopId)
    {
        try { await viewers.RevokeAsync(workshopId, CancellationToken.None); }
        catch (Exception e) { WorkshopsLog.SpotlightRevokeFailed(logger, workshopId, e); }
    }
}

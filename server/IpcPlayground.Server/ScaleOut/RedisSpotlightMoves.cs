using IpcPlayground.Server.Workshops;
using StackExchange.Redis;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>
/// Spotlight moves over Redis pub/sub: every instance, the announcing one too, hears them and revokes its own viewers.
/// If Redis is down, this instance revokes its own and the others keep theirs until the next move they hear.
/// </summary>
public sealed partial class RedisSpotlightMoves(IConnectionMultiplexer redis, SpotlightViewers viewers, ILogger<RedisSpotlightMoves> logger)
    : ISpotlightMoves, IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("ipcplay:spotlight-moved");

    public async Task AnnounceAsync(string workshopId)
    {
        try { await redis.GetSubscriber().PublishAsync(Channel, workshopId); }
        catch (RedisException e)
        {
            AnnounceFailed(logger, workshopId, e);
            await viewers.RevokeAsync(workshopId, CancellationToken.None);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => RevokeInBackground(message.ToString()));

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(Channel);

    // Not awaited: a subscription handler must not hold up the connection's other messages.
    private void RevokeInBackground(string workshopId) => _ = RevokeAsync(workshopId);

    private async Task RevokeAsync(string workshopId)
    {
        try { await viewers.RevokeAsync(workshopId, CancellationToken.None); }
        catch (Exception e) { RevokeFailed(logger, workshopId, e); }
    }

    [LoggerMessage(LogLevel.Warning, "Telling the other instances that the spotlight of workshop {WorkshopId} moved failed")]
    private static partial void AnnounceFailed(ILogger logger, string workshopId, Exception exception);

    [LoggerMessage(LogLevel.Error, "Revoking spotlight viewers of workshop {WorkshopId} failed")]
    private static partial void RevokeFailed(ILogger logger, string workshopId, Exception exception);
}

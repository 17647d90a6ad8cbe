using IpcPlayground.Server.Workshops;
using StackExchange.Redis;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>
/// Spotlight moves over Redis pub/sub: every instance, the announcing one too, hears them and revokes its own viewers.
/// If Redis is down, this instance revokes its own and the others keep theirs until the next move they hear.
/// </summary>
public sealed class RedisSpotlightMoves(IConnectionMultiplexer redis, SpotlightViewers viewers, ILogger<RedisSpotlightMoves> logger)
    : RedisAnnouncements(redis, RedisChannel.Literal("ipcplay:spotlight-moved"), logger), ISpotlightMoves
{
    public Task AnnounceAsync(string workshopId) => PublishAsync(workshopId, async e =>
    {
        ScaleOutLog.SpotlightAnnounceFailed(logger, workshopId, e);
        await viewers.RevokeAsync(workshopId, CancellationToken.None);
    });

    /// <param name="message">The workshop whose spotlight moved.</param>
    protected override async Task HearAsync(string message)
    {
        try { await viewers.RevokeAsync(message, CancellationToken.None); }
        catch (Exception e) { WorkshopsLog.SpotlightRevokeFailed(logger, message, e); }
    }
}

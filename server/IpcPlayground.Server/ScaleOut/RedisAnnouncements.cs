using StackExchange.Redis;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>
/// Something every instance must hear, over one Redis pub/sub channel: the announcing instance publishes, and every
/// instance (itself too) acts on what it hears. While Redis is down the announcer acts alone
/// (<see cref="ActHereOnly"/>); an instance that starts while Redis is down keeps trying to subscribe.
/// </summary>
public abstract class RedisAnnouncements(IConnectionMultiplexer redis, RedisChannel channel, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>What an instance does on hearing <paramref name="message"/>; it must not wait on Redis.</summary>
    protected abstract Task HearAsync(string message);

    protected async Task PublishAsync(string message, Func<Exception, Task> actHereOnly)
    {
        try { await redis.GetSubscriber().PublishAsync(channel, message); }
        catch (Exception e) when (e is RedisException or TimeoutException) { await actHereOnly(e); }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(channel, (_, message) => HearInBackground(message.ToString()));
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException) { ScaleOutLog.SubscribeFailed(logger, channel.ToString(), RetryAfter.TotalSeconds, e); }
            await Task.Delay(RetryAfter, stoppingToken);
        }
    }

    // Not awaited: a subscription handler must not hold up the connection's other messages.
    private void HearInBackground(string message) => _ = HearAsync(message);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await redis.GetSubscriber().UnsubscribeAsync(channel); }
        catch (Exception e) when (e is RedisException or TimeoutException) { /* the connection goes with the process */ }
    }
}

using IpcPlayground.Server.Workshops;
using StackExchange.Redis;

namespace IpcPlayground.Server.ScaleOut;

public static class ScaleOutServices
{
    public const string RedisKey = "ScaleOut:Redis";

    /// <summary>
    /// With <c>ScaleOut:Redis</c> set, several instances serve one room: SignalR groups span them through the Redis
    /// backplane, and live runs are mirrored in Redis so any instance can give a run's snapshot. Without it, one instance.
    /// </summary>
    public static WebApplicationBuilder AddPlaygroundScaleOut(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration[RedisKey];
        if (string.IsNullOrWhiteSpace(redis))
        {
            builder.Services.AddSingleton<IRunMirror, NoRunMirror>();
            builder.Services.AddSingleton<ISpotlightMoves, LocalSpotlightMoves>();
            builder.Services.AddSingleton<IParticipantRemovals, LocalParticipantRemovals>();
            builder.Services.AddSingleton<IRoomPredictionSignals, LocalRoomPredictionSignals>();
            builder.Services.AddHostedService<Workshops.OfflineAtStart>();
            return builder;
        }
        builder.Services.AddSignalR().AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("ipcplay"));
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        builder.Services.AddSingleton<IRunMirror, RedisRunMirror>();
        builder.Services.AddSingleton<RedisSpotlightMoves>();
        builder.Services.AddSingleton<ISpotlightMoves>(sp => sp.GetRequiredService<RedisSpotlightMoves>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisSpotlightMoves>());
        builder.Services.AddSingleton<RedisParticipantRemovals>();
        builder.Services.AddSingleton<IParticipantRemovals>(sp => sp.GetRequiredService<RedisParticipantRemovals>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisParticipantRemovals>());
        builder.Services.AddSingleton<RedisRoomPredictionSignals>();
        builder.Services.AddSingleton<IRoomPredictionSignals>(sp => sp.GetRequiredService<RedisRoomPredictionSignals>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisRoomPredictionSignals>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return builder;
    }
}

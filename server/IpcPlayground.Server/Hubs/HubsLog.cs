namespace IpcPlayground.Server.Hubs;

/// <summary>What the SignalR hubs have to say.</summary>
internal static partial class HubsLog
{
    [LoggerMessage(501, LogLevel.Information, "{Hub}.{Method} refused: {Reason}")]
    public static partial void CallRejected(ILogger logger, string hub, string method, string reason);
}

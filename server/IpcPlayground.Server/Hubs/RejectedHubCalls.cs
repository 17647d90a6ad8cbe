using Microsoft.AspNetCore.SignalR;

namespace IpcPlayground.Server.Hubs;

/// <summary>
/// A hub call refused with a <see cref="HubException"/> (an unknown run, a missing workshop key) is the caller's
/// mistake, not the server's: logged as one line without a stack trace, and the caller gets the message as before.
/// </summary>
public sealed class RejectedHubCalls(ILogger<RejectedHubCalls> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException e)
        {
            HubsLog.CallRejected(logger, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, e.Message);
            throw;
        }
    }
}

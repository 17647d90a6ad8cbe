using System.Collections.Concurrent;
using IpcPlayground.Server.Workshops;
using IpcPlayground.Storage.Workshops;
using Microsoft.AspNetCore.SignalR;

namespace IpcPlayground.Server.Hubs;

/// <summary>
/// Keeps a removed workshop participant out of connections they opened before: every hub call of a participant is
/// checked against the store (a removed one is refused), and the participant's connections to this instance are
/// known, so their removal can close them (<see cref="Abort"/>). A connection to another instance of a scaled-out
/// playground can call nothing more and hears only what goes to the whole room until it drops.
/// </summary>
public sealed class RemovedParticipants(WorkshopStore store) : IHubFilter
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _connections = new(StringComparer.Ordinal);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (WorkshopCaller.Of(invocationContext.Context.User) is { IsInstructor: false, ParticipantId: { } participant }
            && await store.FindParticipantAsync(participant, invocationContext.Context.ConnectionAborted) is null)
            throw new HubException("you were removed from this workshop");
        return await next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (WorkshopCaller.Of(context.Context.User) is { IsInstructor: false, ParticipantId: { } participant })
            _connections.GetOrAdd(participant, _ => new(StringComparer.Ordinal))[context.Context.ConnectionId] = context.Context;
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (WorkshopCaller.Of(context.Context.User) is { IsInstructor: false, ParticipantId: { } participant }
            && _connections.TryGetValue(participant, out var open))
        {
            open.TryRemove(context.Context.ConnectionId, out _);
            if (open.IsEmpty) _connections.TryRemove(KeyValuePair.Create(participant, open));
        }
        return next(context, exception);
    }

    /// <summary>Closes every connection the participant holds to this instance, on both hubs.</summary>
    public void Abort(string participantId)
    {
        if (_connections.TryRemove(participantId, out var open))
            foreach (var connection in open.Values) connection.Abort();
    }
}

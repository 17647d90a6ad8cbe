using System.Collections.Concurrent;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Runs;
using IpcPlayground.Server.Hubs;
using IpcPlayground.Storage.Workshops;
using Microsoft.AspNetCore.SignalR;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// The pages on this instance that follow a run only because its owner is in the spotlight (participants watching
/// someone else's run). Reading was allowed by the spotlight and ends with it: when the spotlight moves, those whose
/// run's owner is no longer in it are taken out of the run's group, whatever their page does.
/// </summary>
public sealed class SpotlightViewers(IHubContext<RunHub, IRunClient> runHub, WorkshopStore store)
{
    private readonly ConcurrentDictionary<(string ConnectionId, string RunId), RunOwner> _viewing = new();

    public void Add(string connectionId, Run run)
    {
        if (run.Owner is { } owner) _viewing[(connectionId, run.Id)] = owner;
    }

    public void Remove(string connectionId, string runId) => _viewing.TryRemove((connectionId, runId), out _);

    public void RemoveConnection(string connectionId)
    {
        foreach (var key in _viewing.Keys.Where(k => k.ConnectionId == connectionId)) _viewing.TryRemove(key, out _);
    }

    /// <summary>The spotlight of <paramref name="workshopId"/> moved: reads where it is now and revokes everyone else's viewers.</summary>
    public async Task RevokeAsync(string workshopId, CancellationToken cancellationToken)
    {
        if (!_viewing.Values.Any(o => o.WorkshopId == workshopId)) return;
        var spotlighted = await store.SpotlightOfAsync(workshopId, cancellationToken);
        foreach (var (key, owner) in _viewing)
            if (owner.WorkshopId == workshopId && owner.ParticipantId != spotlighted && _viewing.TryRemove(key, out _))
                await runHub.Groups.RemoveFromGroupAsync(key.ConnectionId, RunHub.GroupOf(key.RunId), cancellationToken);
    }
}

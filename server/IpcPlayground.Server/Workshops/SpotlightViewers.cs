using IpcPlayground.Server.Access;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
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
public sealed partial class SpotlightViewers(IHubContext<RunHub, IRunClient> runHub, WorkshopStore store, ILogger<SpotlightViewers> logger)
{
    private const int JoinAttempts = 5;
    private readonly ConcurrentDictionary<(string ConnectionId, string RunId), RunOwner> _viewing = new();
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);

    /// <summary>A workshop's moves, one at a time, and how many have begun.</summary>
    [SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim holds nothing to dispose unless its wait handle is asked for; it never is.")]
    private sealed class Room
    {
        public readonly SemaphoreSlim Moving = new(1, 1);
        public int Moves;
    }

    /// <summary>
    /// Adds a viewer to <paramref name="run"/>'s group: tracked first, so a move from then on takes them out, then
    /// <paramref name="stillAllowed"/> checked, in case the spotlight moved before. A move handled meanwhile may have
    /// seen them half-joined: then, once it is done, they join again. False: no longer allowed, and not in the group.
    /// </summary>
    public async Task<bool> JoinAsync(string connectionId, Run run, Func<Task<bool>> stillAllowed, CancellationToken cancellationToken)
    {
        var owner = run.Owner ?? throw new InvalidOperationException("only a workshop run is watched by the spotlight");
        var room = _rooms.GetOrAdd(owner.WorkshopId, _ => new Room());
        var key = (connectionId, run.Id);
        try
        {
            for (var attempt = 0; attempt < JoinAttempts; attempt++)
            {
                var moves = Volatile.Read(ref room.Moves);
                var moving = room.Moving.CurrentCount == 0;
                _viewing[key] = owner;
                await runHub.Groups.AddToGroupAsync(connectionId, RunHub.GroupOf(run.Id), cancellationToken);
                if (!await stillAllowed()) break;
                if (!moving && Volatile.Read(ref room.Moves) == moves) return true;
                await room.Moving.WaitAsync(cancellationToken);
                room.Moving.Release();
            }
        }
        catch
        {
            await LeaveAsync(connectionId, run.Id);
            throw;
        }
        await LeaveAsync(connectionId, run.Id);
        return false;
    }

    public Task LeaveAsync(string connectionId, string runId)
    {
        _viewing.TryRemove((connectionId, runId), out _);
        return runHub.Groups.RemoveFromGroupAsync(connectionId, RunHub.GroupOf(runId));
    }

    public void RemoveConnection(string connectionId)
    {
        foreach (var key in _viewing.Keys.Where(k => k.ConnectionId == connectionId)) _viewing.TryRemove(key, out _);
    }

    /// <summary>
    /// The spotlight of <paramref name="workshopId"/> moved: reads where it is now and revokes everyone else's viewers.
    /// A move that changes nothing here (the spotlighted participant started a new run, and nobody watches anyone
    /// else) does not count as one, so the room's joins need not join again.
    /// </summary>
    public async Task RevokeAsync(string workshopId, CancellationToken cancellationToken)
    {
        if (!_viewing.Values.Any(o => o.WorkshopId == workshopId)) return;
        var spotlighted = await store.SpotlightOfAsync(workshopId, cancellationToken);
        var room = _rooms.GetOrAdd(workshopId, _ => new Room());
        await room.Moving.WaitAsync(cancellationToken);
        try
        {
            if (!_viewing.Any(v => v.Value.WorkshopId == workshopId && v.Value.ParticipantId != spotlighted)) return;
            Interlocked.Increment(ref room.Moves);
            var revoked = _viewing.Where(v => v.Value.WorkshopId == workshopId && v.Value.ParticipantId != spotlighted).ToList();
            foreach (var ((connectionId, runId), owner) in revoked)
            {
                // Out of the group first: should that fail, they stay tracked and the next move tries again.
                try
                {
                    await runHub.Groups.RemoveFromGroupAsync(connectionId, RunHub.GroupOf(runId), cancellationToken);
                    _viewing.TryRemove(new KeyValuePair<(string, string), RunOwner>((connectionId, runId), owner));
                }
                catch (Exception e) when (e is not OperationCanceledException) { WorkshopsLog.ViewerRevokeFailed(logger, runId, e); }
            }
        }
        finally { room.Moving.Release(); }
    }
}

using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Server.Storage;
using IpcPlayground.Server.Workshops;
using Microsoft.AspNetCore.SignalR;

namespace IpcPlayground.Server.Hubs;

/// <summary>
/// Pages follow runs here: one group per run; the coordinator pushes through <see cref="HubRunEventSink"/>. A workshop
/// participant's run is joined only with a key that may read it (<c>access_token</c>).
/// </summary>
public sealed class RunHub(RunFinder runs, RunAccess access, SpotlightViewers spotlightViewers) : Hub<IRunClient>, IRunHub
{
    public static string GroupOf(string runId) => $"run:{runId}";

    public async Task<RunEvent[]> JoinRun(string runId)
    {
        var user = Context.User!;
        var run = await runs.FindAsync(runId, user, Context.ConnectionAborted) ?? throw UnknownRun(runId);
        // A participant watching someone else's run does so by the spotlight: tracked before joining, so a move from
        // now on takes them out, and checked again after, in case it moved before.
        var bySpotlight = !RunAccess.CanControl(user, run);
        if (bySpotlight) spotlightViewers.Add(Context.ConnectionId, run);
        // Join first, then snapshot: an event published in between arrives twice, never not at all; seq tells.
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(runId));
        if (bySpotlight && !await access.CanReadAsync(user, run, Context.ConnectionAborted))
        {
            await LeaveRun(runId);
            throw UnknownRun(runId);
        }
        return (await runs.LatestAsync(run, Context.ConnectionAborted)).Events.Snapshot();
    }

    public Task LeaveRun(string runId)
    {
        spotlightViewers.Remove(Context.ConnectionId, runId);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(runId));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        spotlightViewers.RemoveConnection(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private static HubException UnknownRun(string runId) => new($"unknown run '{runId}'");
}

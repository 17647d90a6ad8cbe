using IpcPlayground.Server.Access;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
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
        var cancellationToken = Context.ConnectionAborted;
        var run = await runs.FindAsync(runId, user, cancellationToken) ?? throw UnknownRun(runId);
        // Join first, then snapshot: an event published in between arrives twice, never not at all; seq tells.
        if (RunAccess.CanControl(user, run))
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(runId), cancellationToken);
        else if (!await spotlightViewers.JoinAsync(Context.ConnectionId, run, () => access.CanReadAsync(user, run, cancellationToken), cancellationToken))
            throw UnknownRun(runId);
        return (await runs.LatestAsync(run, cancellationToken)).Events.Snapshot();
    }

    public Task LeaveRun(string runId) => spotlightViewers.LeaveAsync(Context.ConnectionId, runId);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        spotlightViewers.RemoveConnection(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private static HubException UnknownRun(string runId) => new($"unknown run '{runId}'");
}

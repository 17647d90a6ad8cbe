using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Server.Storage;
using Microsoft.AspNetCore.SignalR;

namespace IpcPlayground.Server.Hubs;

/// <summary>
/// Pages follow runs here: one group per run; the coordinator pushes through <see cref="HubRunEventSink"/>. A workshop
/// participant's run is joined only with a key that may read it (<c>access_token</c>).
/// </summary>
public sealed class RunHub(RunFinder runs) : Hub<IRunClient>, IRunHub
{
    public static string GroupOf(string runId) => $"run:{runId}";

    public async Task<RunEvent[]> JoinRun(string runId)
    {
        var run = await runs.FindAsync(runId, Context.User!, Context.ConnectionAborted) ?? throw new HubException($"unknown run '{runId}'");
        // Join first, then snapshot: an event published in between arrives twice, never not at all; seq tells.
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(runId));
        return (await runs.LatestAsync(run, Context.ConnectionAborted)).Events.Snapshot();
    }

    public Task LeaveRun(string runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(runId));
}

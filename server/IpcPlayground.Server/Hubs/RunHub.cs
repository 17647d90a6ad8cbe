using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Runs;
using Microsoft.AspNetCore.SignalR;

namespace IpcPlayground.Server.Hubs;

/// <summary>Browsers follow runs here: one group per run; the coordinator pushes through <see cref="HubRunEventSink"/>.</summary>
public sealed class RunHub(RunRegistry runs) : Hub<IRunClient>, IRunHub
{
    public static string GroupOf(string runId) => $"run:{runId}";

    public async Task<RunEvent[]> JoinRun(string runId)
    {
        var run = runs.Find(runId) ?? throw new HubException($"unknown run '{runId}'");
        // Join first, then snapshot: an event published in between arrives twice, never not at all; seq tells.
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(runId));
        return run.Events.Snapshot();
    }

    public Task LeaveRun(string runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(runId));
}

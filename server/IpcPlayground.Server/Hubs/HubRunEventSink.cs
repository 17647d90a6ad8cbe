using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Runs;
using IpcPlayground.Server.ScaleOut;
using Microsoft.AspNetCore.SignalR;

namespace IpcPlayground.Server.Hubs;

/// <summary>Publishes a run's numbered events to the pages in the run's group, after copying them to the mirror.</summary>
public sealed partial class HubRunEventSink(IHubContext<RunHub, IRunClient> hub, IRunMirror mirror, ILogger<HubRunEventSink> logger) : IRunEventSink
{
    public async Task PublishAsync(Run run, RunEvent[] events, CancellationToken cancellationToken)
    {
        try { await mirror.AppendAsync(run, events, cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException) { ScaleOutLog.MirrorFailed(logger, run.Id, e); }
        await hub.Clients.Group(RunHub.GroupOf(run.Id)).ReceiveEvents(run.Id, events);
    }
}

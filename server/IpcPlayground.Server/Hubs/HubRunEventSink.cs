using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Runs;
using Microsoft.AspNetCore.SignalR;

namespace IpcPlayground.Server.Hubs;

/// <summary>Publishes a run's numbered events to the browsers in the run's group.</summary>
public sealed class HubRunEventSink(IHubContext<RunHub, IRunClient> hub) : IRunEventSink
{
    public Task PublishAsync(string runId, RunEvent[] events, CancellationToken cancellationToken) =>
        hub.Clients.Group(RunHub.GroupOf(runId)).ReceiveEvents(runId, events);
}

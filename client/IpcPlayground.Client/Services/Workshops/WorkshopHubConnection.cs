using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Workshops;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR.Client;

namespace IpcPlayground.Client.Services.Workshops;

/// <summary>
/// The page's connection to the workshop hub, presenting its key. The server checks the role on every method; a
/// refused call throws <see cref="HubException"/> with the server's reason.
/// </summary>
public sealed class WorkshopHubConnection : IAsyncDisposable
{
    private readonly HubConnection _hub;

    public WorkshopHubConnection(NavigationManager navigation, WorkshopKey key)
    {
        _hub = HubConnections.Build(navigation, IWorkshopHub.Path, key);
        _hub.On<ParticipantStatus>(nameof(IWorkshopClient.ParticipantChanged), p => ParticipantChanged?.Invoke(p));
        _hub.On<BroadcastExperiment>(nameof(IWorkshopClient.ExperimentBroadcast), e => ExperimentBroadcast?.Invoke(e));
        _hub.On<BroadcastMeasurement>(nameof(IWorkshopClient.MeasurementBroadcast), m => MeasurementBroadcast?.Invoke(m));
        _hub.On<Spotlight?>(nameof(IWorkshopClient.SpotlightChanged), s => SpotlightChanged?.Invoke(s));
        _hub.On<WorkshopInfo>(nameof(IWorkshopClient.WorkshopChanged), w => WorkshopChanged?.Invoke(w));
        _hub.On<string>(nameof(IWorkshopClient.ParticipantRemoved), id => ParticipantRemoved?.Invoke(id));
        _hub.On<RoomPrediction?>(nameof(IWorkshopClient.PredictionChanged), p => PredictionChanged?.Invoke(p));
        _hub.On<PredictionTally>(nameof(IWorkshopClient.PredictionTallied), t => PredictionTallied?.Invoke(t));
        _hub.Reconnecting += _ => SetConnected(false);
        _hub.Reconnected += _ => SetConnected(true);
        _hub.Closed += _ => SetConnected(false);
    }

    public event Action<ParticipantStatus>? ParticipantChanged;
    public event Action<BroadcastExperiment>? ExperimentBroadcast;
    public event Action<BroadcastMeasurement>? MeasurementBroadcast;
    public event Action<Spotlight?>? SpotlightChanged;
    public event Action<WorkshopInfo>? WorkshopChanged;
    public event Action<string>? ParticipantRemoved;
    public event Action<RoomPrediction?>? PredictionChanged;
    public event Action<PredictionTally>? PredictionTallied;

    /// <summary>Raised when the connection drops or comes back; after a reconnect the page should read its state again.</summary>
    public event Func<bool, Task>? ConnectionChanged;

    public bool Connected => _hub.State == HubConnectionState.Connected;

    public Task StartAsync() => _hub.StartAsync();

    public Task<WorkshopInfo> GetWorkshopAsync() => _hub.InvokeAsync<WorkshopInfo>(nameof(IWorkshopHub.GetWorkshop));
    public Task ReportExperimentAsync(string title) => _hub.InvokeAsync(nameof(IWorkshopHub.ReportExperiment), title);
    public Task<WorkshopBoard> GetBoardAsync() => _hub.InvokeAsync<WorkshopBoard>(nameof(IWorkshopHub.GetBoard));
    public Task BroadcastAsync(string experimentId) => _hub.InvokeAsync(nameof(IWorkshopHub.Broadcast), experimentId);
    public Task BroadcastMeasurementAsync(string measurementId) => _hub.InvokeAsync(nameof(IWorkshopHub.BroadcastMeasurement), measurementId);
    public Task SetSpotlightAsync(string? participantId) => _hub.InvokeAsync(nameof(IWorkshopHub.SetSpotlight), participantId);
    public Task SetJoinOpenAsync(bool open) => _hub.InvokeAsync(nameof(IWorkshopHub.SetJoinOpen), open);
    public Task EndWorkshopAsync() => _hub.InvokeAsync(nameof(IWorkshopHub.EndWorkshop));
    public Task RemoveParticipantAsync(string participantId) => _hub.InvokeAsync(nameof(IWorkshopHub.RemoveParticipant), participantId);

    /// <summary>Stops the connection for good (a removed participant has nothing more to hear).</summary>
    public Task StopAsync() => _hub.StopAsync();

    private Task SetConnected(bool connected) => ConnectionChanged?.Invoke(connected) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}

using System.Runtime.CompilerServices;
using IpcPlayground.Client.Services.Workshops;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace IpcPlayground.Client.Services;

/// <summary>A run the hub would not let the page follow (unknown, or not the caller's), with the server's reason.</summary>
public sealed class RunNotFollowedException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The page's connection to the run hub and the runs it follows. Only <see cref="RunsClient"/> makes one, after
/// <see cref="HubAssemblies.EnsureLoadedAsync"/>: it is the one place the run side names SignalR's types.
/// </summary>
internal sealed class RunHubConnection : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly Dictionary<string, Action<RunEvent[]>> _followers = new(StringComparer.Ordinal);
    private Task? _started;

    /// <summary>Not inlined, so that no method that runs before the SignalR assemblies are loaded names this type's fields.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static RunHubConnection Create(NavigationManager navigation, WorkshopKey? key) => new(navigation, key);

    private RunHubConnection(NavigationManager navigation, WorkshopKey? key)
    {
        var hub = _hub = HubConnections.Build(navigation, IRunHub.Path, key);
        // A new connection is in no group: follow every run again; the snapshot fills what was missed.
        hub.Reconnected += async _ =>
        {
            foreach (var (runId, follower) in _followers.ToArray())
            {
                try { follower(await hub.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId)); }
                catch (Exception e) when (e is HubException or InvalidOperationException) { }
            }
        };
        hub.On<string, RunEvent[]>(nameof(IRunClient.ReceiveEvents), (runId, events) =>
        {
            if (_followers.TryGetValue(runId, out var follower)) follower(events);
        });
    }

    public async Task FollowAsync(string runId, Action<RunEvent[]> onEvents)
    {
        try
        {
            await (_started ??= _hub.StartAsync());
        }
        catch
        {
            _started = null; // the server is away: the next follow tries to connect again
            throw;
        }
        _followers[runId] = onEvents;
        RunEvent[] past;
        try
        {
            past = await _hub.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId);
        }
        catch (HubException e)
        {
            _followers.Remove(runId);
            throw new RunNotFollowedException(e.Message, e);
        }
        onEvents(past);
    }

    public async Task UnfollowAsync(string runId)
    {
        if (!_followers.Remove(runId) || _hub.State != HubConnectionState.Connected) return;
        try { await _hub.InvokeAsync(nameof(IRunHub.LeaveRun), runId); }
        catch (Exception e) when (e is HubException or InvalidOperationException) { } // the connection went: it left every group
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}

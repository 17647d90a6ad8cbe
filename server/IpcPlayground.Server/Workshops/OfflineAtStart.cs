using IpcPlayground.Storage.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// A lone instance starts with every participant offline: connections counted before a crash are gone. (Scaled out,
/// other instances still hold theirs, so counts are left alone.)
/// </summary>
public sealed class OfflineAtStart(WorkshopStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.ResetConnectionsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Runs;

/// <summary>Where numbered events go live (the hub); the log keeps them for replay either way.</summary>
public interface IRunEventSink
{
    Task PublishAsync(Run run, RunEvent[] events, CancellationToken cancellationToken);
}

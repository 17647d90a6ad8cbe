using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Cli.Running;

/// <summary>Runs an experiment somewhere and yields its events in order, run-end last.</summary>
public interface IEventSource
{
    IAsyncEnumerable<RunEvent> RunAsync(ExperimentFile experiment, CancellationToken cancellationToken);
}

using IpcPlayground.Contracts.Events;
using IpcPlayground.Runs;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>
/// A copy of live runs' events that every server instance can read, so a page connected to one instance can follow a
/// run executing on another from its first event. Only one instance: no copy needed.
/// </summary>
public interface IRunMirror
{
    /// <summary>Copies numbered events; done before they are published, so a snapshot never misses a published event.</summary>
    Task AppendAsync(Run run, RunEvent[] events, CancellationToken cancellationToken);

    /// <summary>A run executing (or just finished) on another instance, as far as it has got; null when not mirrored.</summary>
    Task<Run?> FindAsync(string runId, CancellationToken cancellationToken);
}

/// <summary>The single-instance default: nothing to copy, nothing elsewhere to find.</summary>
public sealed class NoRunMirror : IRunMirror
{
    public Task AppendAsync(Run run, RunEvent[] events, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Run?> FindAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<Run?>(null);
}

using IpcPlayground.Contracts.Events;
using IpcPlayground.Runs;

namespace IpcPlayground.Server.ScaleOut;

/// <summary>
/// A copy of live runs' events that every server instance can read, so a page connected to one instance can follow a
/// run executing on another from its first event. Only one instance: no copy needed.
/// </summary>
public interface IRunMirror
{
    /// <summary>
    /// Makes a just-accepted run known to every instance before its id is handed out, so a page on another instance
    /// that asks for it at once (an instructor watching a participant's new run) finds it, with no events yet.
    /// </summary>
    Task AnnounceAsync(Run run, CancellationToken cancellationToken);

    /// <summary>Copies numbered events; done before they are published, so a snapshot never misses a published event.</summary>
    Task AppendAsync(Run run, RunEvent[] events, CancellationToken cancellationToken);

    /// <summary>A run executing (or just finished) on another instance, as far as it has got; null when not mirrored.</summary>
    Task<Run?> FindAsync(string runId, CancellationToken cancellationToken);
}

/// <summary>The single-instance default: nothing to copy, nothing elsewhere to find.</summary>
public sealed class NoRunMirror : IRunMirror
{
    public Task AnnounceAsync(Run run, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AppendAsync(Run run, RunEvent[] events, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Run?> FindAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<Run?>(null);
}

using IpcPlayground.Runs;

namespace IpcPlayground.Server.Storage;

/// <summary>A run by id: from memory while it runs or is fresh, else from its record (after a restart too).</summary>
public sealed class RunFinder(RunRegistry registry, IRunRecorder recorder)
{
    public async Task<Run?> FindAsync(string runId, CancellationToken cancellationToken)
    {
        if (registry.Find(runId) is { } live) return live;
        if (runId.Length is 0 or > 32) return null;
        return await recorder.RestoreAsync(runId, cancellationToken) is { } restored ? registry.Remember(restored) : null;
    }
}

using System.Security.Claims;
using IpcPlayground.Runs;
using IpcPlayground.Server.ScaleOut;
using IpcPlayground.Server.Workshops;

namespace IpcPlayground.Server.Access;

/// <summary>
/// A run by id, for someone who may see it: from memory while it runs or is fresh, from the other instances' mirror
/// while it runs elsewhere, else from its record (after a restart too). Null alike for unknown and not theirs.
/// </summary>
public sealed class RunFinder(RunRegistry registry, IRunMirror mirror, IRunRecorder recorder, RunAccess access)
{
    public async Task<Run?> FindAsync(string runId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var run = await FindAnyAsync(runId, cancellationToken);
        return run is not null && await access.CanReadAsync(user, run, cancellationToken) ? run : null;
    }

    /// <summary>
    /// <paramref name="run"/> as far as it has got now: one held here is the same object and grows by itself, one
    /// executing on another instance is a copy, read again from the mirror.
    /// </summary>
    public async Task<Run> LatestAsync(Run run, CancellationToken cancellationToken) =>
        registry.Find(run.Id) ?? await mirror.FindAsync(run.Id, cancellationToken) ?? run;

    /// <summary>A run executing on this instance that <paramref name="user"/> may step or stop.</summary>
    public Run? FindToControl(string runId, ClaimsPrincipal user) =>
        registry.Find(runId) is { } run && RunAccess.CanControl(user, run) ? run : null;

    private async Task<Run?> FindAnyAsync(string runId, CancellationToken cancellationToken)
    {
        if (registry.Find(runId) is { } live) return live;
        if (runId.Length is 0 or > 32) return null;
        if (await recorder.RestoreAsync(runId, cancellationToken) is { } restored) return registry.Remember(restored);
        return await mirror.FindAsync(runId, cancellationToken);
    }
}

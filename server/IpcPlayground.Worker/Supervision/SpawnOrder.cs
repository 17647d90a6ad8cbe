namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Keeps a spawn before the start of the child it made. The parent reads its clock when its wait for the child's
/// readiness returns, the child when it says hello; on a busy machine the child's clock may be read first. As fork
/// returns with the child already there, the spawn took effect before the child's first act, so whichever of the two
/// arrives second is placed just after (a start) or just before (a spawn) the other.
/// </summary>
internal sealed class SpawnOrder
{
    private readonly Dictionary<string, long> _spawnedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _startedAt = new(StringComparer.Ordinal);

    /// <summary>The time to report for a spawn of <paramref name="child"/> that returned at <paramref name="t"/>.</summary>
    public long Spawned(string child, long t)
    {
        if (_startedAt.TryGetValue(child, out var started) && t >= started) t = started - 1;
        _spawnedAt[child] = t;
        return t;
    }

    /// <summary>The time to report for the start of <paramref name="process"/>, which said hello at <paramref name="t"/>.</summary>
    public long Started(string process, long t)
    {
        if (_spawnedAt.TryGetValue(process, out var spawned) && t <= spawned) t = spawned + 1;
        _startedAt[process] = t;
        return t;
    }
}

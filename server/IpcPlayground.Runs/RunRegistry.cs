using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Runs;

/// <summary>
/// The runs this server knows: the running ones, and the finished ones for <see cref="RunsOptions.RetainMinutes"/>
/// after they end, while their events together stay within <see cref="RunsOptions.RetainedEventBytes"/>.
/// </summary>
public sealed class RunRegistry(IOptions<RunsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Run> _runs = new(StringComparer.Ordinal);

    public Run Create(string? name, string mode = Contracts.Runs.RunModes.Free, byte[]? experimentJson = null, RunOwner? owner = null, string? recordedFor = null)
    {
        Prune();
        var run = new Run(NewId(), name, time, mode) { ExperimentJson = experimentJson ?? [], Owner = owner, RecordedFor = recordedFor };
        _runs[run.Id] = run;
        return run;
    }

    public Run? Find(string id) => _runs.GetValueOrDefault(id);

    public int Count => _runs.Count;

    /// <summary>The runs of one workshop participant that are still going on here.</summary>
    public IReadOnlyList<Run> RunningOf(RunOwner owner) => [.. _runs.Values.Where(r => r.EndedAt is null && r.Owner == owner)];

    /// <summary>How many runs held here were going at some time between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public int CountOverlapping(DateTimeOffset from, DateTimeOffset to) =>
        _runs.Values.Count(r => r.StartedAt < to && (r.EndedAt is not { } ended || ended > from));

    /// <summary>Bytes of the events the runs held here keep in memory.</summary>
    public long RetainedBytes => _runs.Values.Sum(r => r.EventBytes);

    /// <summary>Keeps a run restored from its record, so the next request for it is served from memory.</summary>
    public Run Remember(Run run) => _runs.GetOrAdd(run.Id, run);

    /// <summary>Lets go of finished runs past their time, then of the oldest finished ones while over the byte budget.</summary>
    public void Prune()
    {
        var cutoff = time.GetUtcNow().AddMinutes(-options.Value.RetainMinutes);
        foreach (var (id, run) in _runs)
            if (run.EndedAt is { } ended && ended < cutoff) _runs.TryRemove(id, out _);
        var over = RetainedBytes - options.Value.RetainedEventBytes;
        if (over <= 0) return;
        foreach (var run in _runs.Values.Where(r => r.EndedAt is not null).OrderBy(r => r.EndedAt).ToList())
        {
            if (over <= 0) break;
            if (_runs.TryRemove(run.Id, out _)) over -= run.EventBytes;
        }
    }

    /// <summary>Unguessable and URL-safe: 80 random bits.</summary>
    private static string NewId() => Contracts.Ids.Base32Id.Random(16);
}

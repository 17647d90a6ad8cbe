using System.Collections.Concurrent;
using IpcPlayground.Runs;
using IpcPlayground.Storage.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// The predicted runs of workshop rooms executing on this instance, by the prediction they belong to, and what the
/// instructor's hold, release and new prediction do to them here. Every instance does it for its own runs
/// (<see cref="IRoomPredictionSignals"/>). A room's hold is applied one change at a time, each reading the state
/// stored last: a run that starts while the instructor holds or lets go ends up as the room is, whichever comes first.
/// </summary>
public sealed class RoomPredictionRuns(PredictionStore store, RunPublisher publisher)
{
    private static readonly TimeSpan ReplacedRunEnds = TimeSpan.FromSeconds(10);

    private sealed record Entry(Run Run, string WorkshopId, string PredictionId);

    private readonly ConcurrentDictionary<string, Entry> _runs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Takes a just-started run of the prediction, held if the room is held (before its id is handed out, so before any answer).</summary>
    public async Task AddAsync(Run run, string workshopId, string predictionId)
    {
        foreach (var (id, entry) in _runs)
            if (entry.Run.EndedAt is not null) _runs.TryRemove(id, out _);
        _runs[run.Id] = new Entry(run, workshopId, predictionId);
        run.Control.PaceByRoom();
        await OneAtATimeAsync(workshopId, async () =>
        {
            if (await store.CurrentAsync(workshopId, CancellationToken.None) is { Hold: true } current && current.Id == predictionId)
                await publisher.HoldAsync(run, hold: true);
        });
    }

    /// <summary>The instructor held the room or let it go: this instance's runs of the current prediction follow the stored state.</summary>
    public Task ApplyHoldAsync(string workshopId) => OneAtATimeAsync(workshopId, async () =>
    {
        if (await store.CurrentAsync(workshopId, CancellationToken.None) is not { } current) return;
        foreach (var entry in Of(workshopId, current.Id)) await publisher.HoldAsync(entry.Run, current.Hold);
    });

    /// <summary>The instructor let the answered steps go and goes on holding the room.</summary>
    public Task ReleaseAsync(string workshopId, string predictionId) => OneAtATimeAsync(workshopId, async () =>
    {
        foreach (var entry in Of(workshopId, predictionId)) await publisher.ReleaseHeldAsync(entry.Run);
    });

    /// <summary>A new prediction replaced the room's last: runs of any other prediction of the workshop stop.</summary>
    public void StopReplaced(string workshopId, string currentPredictionId)
    {
        foreach (var entry in _runs.Values.Where(e => e.WorkshopId == workshopId && e.PredictionId != currentPredictionId))
            entry.Run.Control.Stop();
    }

    /// <summary>
    /// Stops the participant's predicted runs here and waits (a few seconds at most) until they have ended and given
    /// their slots back: a participant has one predicted run of their room at a time, and starting one replaces it.
    /// </summary>
    public async Task StopOwnAsync(RunOwner owner)
    {
        var own = _runs.Values.Where(e => e.Run.Owner == owner && e.Run.EndedAt is null).Select(e => e.Run).ToList();
        foreach (var run in own) run.Control.Stop();
        using var patience = new CancellationTokenSource(ReplacedRunEnds);
        try
        {
            foreach (var run in own)
                await foreach (var _ in run.Events.ReadAllAsync(patience.Token)) { }
        }
        catch (OperationCanceledException) { /* the new run's quota says what is still going */ }
    }

    private IEnumerable<Entry> Of(string workshopId, string predictionId) =>
        _runs.Values.Where(e => e.WorkshopId == workshopId && e.PredictionId == predictionId && e.Run.EndedAt is null);

    private async Task OneAtATimeAsync(string workshopId, Func<Task> change)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(workshopId) % (uint)_stripes.Length];
        await stripe.WaitAsync();
        try { await change(); }
        finally { stripe.Release(); }
    }
}

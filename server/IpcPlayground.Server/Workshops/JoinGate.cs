namespace IpcPlayground.Server.Workshops;

/// <summary>
/// One join at a time per workshop on this instance, so the seat count and the joins-per-minute count a join is
/// checked against cannot be passed by a burst of joins checked at the same moment. Striped: a few locks for every
/// workshop, whatever their number.
/// </summary>
public sealed class JoinGate
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<T> OneAtATimeAsync<T>(string workshopId, Func<Task<T>> join, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(workshopId) % (uint)_stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        try { return await join(); }
        finally { stripe.Release(); }
    }
}

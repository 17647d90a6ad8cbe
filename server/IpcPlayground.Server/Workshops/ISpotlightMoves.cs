namespace IpcPlayground.Server.Workshops;

/// <summary>Tells every instance that a workshop's spotlight moved, so each revokes its own pages' spotlight viewing.</summary>
public interface ISpotlightMoves
{
    Task AnnounceAsync(string workshopId);
}

/// <summary>One instance: its own viewers are all there are.</summary>
public sealed class LocalSpotlightMoves(SpotlightViewers viewers) : ISpotlightMoves
{
    public Task AnnounceAsync(string workshopId) => viewers.RevokeAsync(workshopId, CancellationToken.None);
}

using IpcPlayground.Runs;
using IpcPlayground.Server.Hubs;

namespace IpcPlayground.Server.Workshops;

/// <summary>Tells every instance that a participant was removed, so each stops that participant's runs and closes their connections.</summary>
public interface IParticipantRemovals
{
    Task AnnounceAsync(string workshopId, string participantId);
}

/// <summary>
/// What one instance does for a removed participant: their runs here stop, and after a second (for their page to
/// hear why) their connections here close.
/// </summary>
public sealed class ParticipantEviction(RunRegistry runs, RemovedParticipants connections, BackgroundWork background)
{
    public void Evict(string workshopId, string participantId)
    {
        foreach (var run in runs.RunningOf(new RunOwner(workshopId, participantId))) run.Control.Stop();
        background.Start($"closing the connections of removed participant {participantId}", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            connections.Abort(participantId);
        });
    }
}

/// <summary>One instance: its own runs and connections are all there are.</summary>
public sealed class LocalParticipantRemovals(ParticipantEviction eviction) : IParticipantRemovals
{
    public Task AnnounceAsync(string workshopId, string participantId)
    {
        eviction.Evict(workshopId, participantId);
        return Task.CompletedTask;
    }
}

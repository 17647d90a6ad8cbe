using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Contracts.Hubs;

/// <summary>What the server calls on the pages of a workshop. Instructors get board changes; everyone gets the rest.</summary>
public interface IWorkshopClient
{
    /// <summary>To instructors: one participant joined, went on- or offline, moved to another experiment, or their run changed.</summary>
    Task ParticipantChanged(ParticipantStatus participant);

    /// <summary>To participants: load this experiment into the composer.</summary>
    Task ExperimentBroadcast(BroadcastExperiment experiment);

    /// <summary>To participants: the instructor shows this measurement; open it (<c>/m/{id}</c>).</summary>
    Task MeasurementBroadcast(BroadcastMeasurement measurement);

    /// <summary>To everyone: the spotlight moved, or was cleared (null). Follow its run with <see cref="IRunHub.JoinRun"/>.</summary>
    Task SpotlightChanged(Spotlight? spotlight);

    /// <summary>To everyone: the join code was opened or closed, or the workshop ended.</summary>
    Task WorkshopChanged(WorkshopInfo workshop);

    /// <summary>To everyone: the instructor started a predicted run for the room, held or let go of it, or ended it (null).</summary>
    Task PredictionChanged(RoomPrediction? prediction);

    /// <summary>To instructors: a question's tally after an answer or an outcome changed it.</summary>
    Task PredictionTallied(PredictionTally tally);

    /// <summary>To instructors, and to the participant themselves: the instructor removed this participant; their key no longer works.</summary>
    Task ParticipantRemoved(string participantId);
}

/// <summary>
/// The workshop hub, at <see cref="Path"/>, for connections that present a key (<c>access_token</c>). Methods are
/// authorised by role on the server: a participant calling an instructor method gets an error and changes nothing.
/// </summary>
public interface IWorkshopHub
{
    public const string Path = "/hubs/workshops";

    /// <summary>Either role: the workshop as it is now, spotlight included.</summary>
    Task<WorkshopInfo> GetWorkshop();

    /// <summary>Participant: says which experiment they are working on (a title, at most 200 characters).</summary>
    Task ReportExperiment(string title);

    /// <summary>Instructor: every participant's status; later changes come through <see cref="IWorkshopClient.ParticipantChanged"/>.</summary>
    Task<WorkshopBoard> GetBoard();

    /// <summary>Instructor: sends a stored experiment (an id from the workshop's list or any share link) to every participant's composer.</summary>
    Task Broadcast(string experimentId);

    /// <summary>Instructor: shows a measurement (its id or share link's id) to every participant.</summary>
    Task BroadcastMeasurement(string measurementId);

    /// <summary>Instructor: shows one participant's runs to the whole room, read-only; null clears the spotlight.</summary>
    Task SetSpotlight(string? participantId);

    /// <summary>Instructor: opens or closes the join code; participants already in stay.</summary>
    Task SetJoinOpen(bool open);

    /// <summary>Instructor: ends the workshop; no more joins or runs, keys stop working for anything but reading.</summary>
    Task EndWorkshop();

    /// <summary>
    /// Instructor: removes a participant — their key stops working, their runs are stopped, their seat is free again
    /// (close joining first to keep them out).
    /// </summary>
    Task RemoveParticipant(string participantId);
}

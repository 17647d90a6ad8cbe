using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Contracts.Hubs;

/// <summary>What the server calls on a browser that follows a run. Events come in order, in batches.</summary>
public interface IRunClient
{
    Task ReceiveEvents(string runId, RunEvent[] events);
}

/// <summary>What a browser may call on the run hub, at <see cref="Path"/>.</summary>
public interface IRunHub
{
    public const string Path = "/hubs/runs";

    /// <summary>Joins the run's group and returns every event recorded so far; later ones arrive through <see cref="IRunClient.ReceiveEvents"/>.</summary>
    Task<RunEvent[]> JoinRun(string runId);

    Task LeaveRun(string runId);
}

namespace IpcPlayground.Runs;

/// <summary>Keeps a finished run beyond the server's memory, for replay by link and after a restart.</summary>
public interface IRunRecorder
{
    /// <summary>Records <paramref name="events"/>, the run's whole log, run-end included.</summary>
    Task RecordAsync(Run run, IReadOnlyList<Contracts.Events.RunEvent> events, CancellationToken cancellationToken);

    /// <summary>A recorded run, rebuilt with all its events, or null when none is kept under that id.</summary>
    Task<Run?> RestoreAsync(string runId, CancellationToken cancellationToken);
}

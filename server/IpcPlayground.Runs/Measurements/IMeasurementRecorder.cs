namespace IpcPlayground.Runs.Measurements;

/// <summary>Keeps a finished measurement beyond the server's memory: for its share link, after a restart and on every instance.</summary>
public interface IMeasurementRecorder
{
    /// <summary>Records <paramref name="measurement"/> with <paramref name="events"/>, its whole stream, <c>measure-end</c> included.</summary>
    Task RecordAsync(Measurement measurement, IReadOnlyList<Contracts.Measurements.MeasurementEvent> events, DateTimeOffset endedAt, CancellationToken cancellationToken);

    /// <summary>A recorded measurement, or null when none is kept under that id.</summary>
    Task<Measurement?> RestoreAsync(string measurementId, CancellationToken cancellationToken);
}

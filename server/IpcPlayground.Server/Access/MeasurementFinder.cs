using IpcPlayground.Runs.Measurements;

namespace IpcPlayground.Server.Access;

/// <summary>
/// A measurement by id: from memory while it runs (or if its record could not be written), else from its record — after
/// a restart, and on any instance of a scaled-out playground. Measurements are anyone's to read, like a share link.
/// </summary>
public sealed class MeasurementFinder(MeasurementRegistry registry, IMeasurementRecorder recorder)
{
    public async Task<Measurement?> FindAsync(string measurementId, CancellationToken cancellationToken)
    {
        if (registry.Find(measurementId) is { } live) return live;
        if (measurementId.Length is 0 or > 32) return null;
        return await recorder.RestoreAsync(measurementId, cancellationToken);
    }
}

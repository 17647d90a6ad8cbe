using System.ComponentModel.DataAnnotations;

namespace IpcPlayground.Runs.Measurements;

/// <summary>Measurement settings (configuration section <c>Measurements</c>).</summary>
public sealed class MeasurementsOptions
{
    public const string Section = "Measurements";

    /// <summary>
    /// Measurements at once on this server. Each also takes a run's slots; more than one at a time on a small machine
    /// would time each other's loops.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrentMeasurements { get; set; } = 1;

    /// <summary>The time the loops of a whole matrix may take together; each cell's budget is cut to fit (<see cref="MeasurePlanner"/>).</summary>
    [Range(100, 600_000)]
    public int MaxMatrixMs { get; set; } = 16_000;

    /// <summary>Past three times its cells' budgets, a measurement gets this much more (the sandbox's start, the machine's figures) before it is killed.</summary>
    [Range(0, 600_000)]
    public int DeadlineSlackMs { get; set; } = 10_000;

    /// <summary>Bytes of frames one measurement's sandbox may write; past it the measurement ends with <c>limit</c>.</summary>
    [Range(1024, 1L << 30)]
    public long MaxFrameBytes { get; set; } = 1 << 20;
}

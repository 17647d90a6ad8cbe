namespace IpcPlayground.Contracts.Measurements;

/// <summary>
/// The body of <c>POST /api/measurements</c>: which mechanisms, message sizes, pattern and CPU placement to time, and
/// whether to time the C reference beside the worker's loop. Every field is optional (<see cref="WithDefaults"/>).
/// </summary>
public sealed record MeasurementRequest
{
    public int? Format { get; init; }
    public IReadOnlyList<string>? Mechanisms { get; init; }
    public IReadOnlyList<int>? Sizes { get; init; }
    public string? Pattern { get; init; }
    public string? Cpus { get; init; }
    public bool? Reference { get; init; }

    public static readonly IReadOnlyList<int> DefaultSizes = [64, 4096, 65536];

    /// <summary>The request with every field it left out set to the contract's default.</summary>
    public MeasurementRequest WithDefaults() => this with
    {
        Format = Format ?? 1,
        Mechanisms = Mechanisms ?? MeasureMechanisms.Default,
        Sizes = Sizes ?? DefaultSizes,
        Pattern = Pattern ?? MeasurePatterns.Stream,
        Cpus = Cpus ?? CpuPlacements.Any,
        Reference = Reference ?? true,
    };
}

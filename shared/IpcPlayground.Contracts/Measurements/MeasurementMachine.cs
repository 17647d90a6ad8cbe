namespace IpcPlayground.Contracts.Measurements;

/// <summary>
/// What a measurement's loops ran on (an extension of the contract): the CPUs the sandbox could use, the CPU's model,
/// the kernel, and memcpy's bytes a second at each measured size — the ceiling any copy between processes stays under.
/// </summary>
public sealed record MeasurementMachine
{
    public int Cpus { get; init; }
    public string? CpuModel { get; init; }
    public string? Kernel { get; init; }

    /// <summary>Bytes a second memcpy moved, by message size in bytes.</summary>
    public IReadOnlyDictionary<int, double>? MemcpyBytesPerSecond { get; init; }
}

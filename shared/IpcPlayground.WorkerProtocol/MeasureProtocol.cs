using System.Text.Json.Serialization;

namespace IpcPlayground.WorkerProtocol;

/// <summary>
/// Server → <c>ipcplay-worker measure</c>, one line on its standard input: the cells to time, in order, and how.
/// <see cref="CellBudgetMs"/> is the time one loop may take (its iteration count adapts to it); the C reference, when
/// asked for, runs the same loop with the iteration count the worker's timed loop settled on.
/// </summary>
public sealed record MeasurePlan : IProcessLimits
{
    public required IReadOnlyList<MeasureCellPlan> Cells { get; init; }
    public required string Pattern { get; init; }
    public required string Cpus { get; init; }
    public int CellBudgetMs { get; init; } = 300;
    public bool Reference { get; init; }

    /// <summary>The limits a run's processes get (see <see cref="RunPlan"/>), applied before the first loop and inherited by every loop process.</summary>
    public int CpuSecondsPerProcess { get; init; }
    public int OpenFiles { get; init; }
    public long PosixQueueBytes { get; init; }
    public bool Seccomp { get; init; }
}

public sealed record MeasureCellPlan(string Mechanism, int Size);

/// <summary><c>ipcplay-worker measure</c> → server, one a line on its standard output: the machine first, then a cell as each finishes.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "f")]
[JsonDerivedType(typeof(MachineFrame), "machine")]
[JsonDerivedType(typeof(MeasuredCellFrame), "cell")]
public interface IMeasureFrame;

/// <summary>What the loops ran on: the CPUs the sandbox may use, the kernel, and memcpy's speed there (the ceiling of any copy).</summary>
public sealed record MachineFrame : IMeasureFrame
{
    public int Cpus { get; init; }
    public string? CpuModel { get; init; }
    public string? Kernel { get; init; }

    /// <summary>memcpy's bytes a second at each cell size (one process, warm caches).</summary>
    public IReadOnlyDictionary<int, double>? MemcpyBytesPerSecond { get; init; }

    /// <summary>memcpy's bytes a second between 64 MiB buffers: from memory, not the caches.</summary>
    public double? MemoryCopyBytesPerSecond { get; init; }
}

/// <summary>
/// One loop's figures, as raw as the loop has them: messages timed and the nanoseconds they took, and latency
/// percentiles (null where the loop cannot stamp a message: a stream of messages under 8 bytes). Or only a reason.
/// </summary>
public sealed record LoopFigures
{
    public long? Messages { get; init; }
    public long? ElapsedNs { get; init; }
    public long? P50 { get; init; }
    public long? P90 { get; init; }
    public long? P99 { get; init; }
    public string? Reason { get; init; }

    public static LoopFigures Refused(string reason) => new() { Reason = reason };
}

public sealed record MeasuredCellFrame : IMeasureFrame
{
    public required string Mechanism { get; init; }
    public int Size { get; init; }
    public required LoopFigures Worker { get; init; }
    public LoopFigures? Reference { get; init; }
}

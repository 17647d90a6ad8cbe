using System.Text.Json;
using System.Text.Json.Serialization;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Client.Services.Measure;

/// <summary>
/// <c>GET /api/measurements/{id}</c> as the page reads it: the request with its defaults, how it stands
/// (<c>running</c> until its measure-end), the machine it ran on, how many runs shared the server meanwhile, every cell.
/// The page's own reading of the server's MeasurementSummary (the server adds it beside the endpoint).
/// </summary>
public sealed record MeasurementRecord
{
    /// <summary>The record's status before its measure-end (never a measure-end's own status).</summary>
    public const string Running = "running";

    public required string MeasurementId { get; init; }
    public required MeasurementRequest Request { get; init; }
    public required string Status { get; init; }
    public string? Message { get; init; }
    public MachineFacts? Machine { get; init; }
    public int? OtherRuns { get; init; }
    public IReadOnlyList<MeasurementCell> Cells { get; init; } = [];
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
}

/// <summary>What a measurement's loops ran on: CPUs, the CPU's model, the kernel, and memcpy's bytes a second by message size.</summary>
public sealed record MachineFacts
{
    public int Cpus { get; init; }
    public string? CpuModel { get; init; }
    public string? Kernel { get; init; }
    public IReadOnlyDictionary<int, double>? MemcpyBytesPerSecond { get; init; }
}

/// <summary>Reads a measurement record leniently: a field the server adds later does not break the page.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MeasurementRecord))]
internal sealed partial class MeasureJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace IpcPlayground.Contracts.Experiments;

/// <summary>One IPC object of a run, created by the runtime before the processes that use it start.</summary>
public sealed record ObjectDefinition
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public int? Capacity { get; init; }
    public int? Size { get; init; }
    public int? Count { get; init; }
    public InitialValues? Initial { get; init; }
    public int? MaxMessages { get; init; }
    public int? MessageSize { get; init; }
    public IpcKey? Key { get; init; }
    public string? Path { get; init; }
    public string? Name { get; init; }
    public int? Port { get; init; }

    /// <summary>1.1: for an eventfd, EFD_SEMAPHORE (a read takes 1 instead of the whole counter).</summary>
    public bool? Semaphore { get; init; }

    /// <summary>The mechanism <see cref="Type"/> names, or null when it names none.</summary>
    [JsonIgnore]
    public Mechanism? Mechanism => Mechanisms.Named(Type);

    /// <summary>The members of a semaphore set: <see cref="Count"/>, else as many as <see cref="Initial"/> gives values, else the default.</summary>
    [JsonIgnore]
    public int MemberCount => Count ?? Initial?.PerMember?.Count ?? ObjectSizeDefaults.SemaphoreCount;
}

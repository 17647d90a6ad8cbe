using System.Text.Json.Serialization;

namespace IpcPlayground.Contracts.Experiments;

/// <summary>
/// The key of a System V object: <c>{"ftok": {"path": ..., "proj": ...}}</c>, <c>"private"</c> (IPC_PRIVATE) or a number.
/// </summary>
[JsonConverter(typeof(IpcKeyJsonConverter))]
public sealed record IpcKey
{
    public FtokKey? Ftok { get; init; }
    public bool IsPrivate { get; init; }
    public int? Value { get; init; }

    public static IpcKey Private { get; } = new() { IsPrivate = true };
}

public sealed record FtokKey
{
    public string? Path { get; init; }
    public int? Proj { get; init; }
}

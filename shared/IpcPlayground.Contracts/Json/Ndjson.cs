using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IpcPlayground.Contracts.Json;

/// <summary>
/// Reads newline-delimited JSON as the server streams it (a run's or a measurement's events): one value a line, blank
/// lines skipped. The browser and the CLI read every stream with this.
/// </summary>
public static class Ndjson
{
    /// <summary>Every value of a whole NDJSON text (a recording fetched at once).</summary>
    public static T[] Read<T>(string ndjson, JsonTypeInfo<T> type) =>
        [.. ndjson.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize(l, type)!)];

    /// <summary>Each value as its line arrives (a live stream).</summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, JsonTypeInfo<T> type, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
            if (line.Trim().Length > 0) yield return JsonSerializer.Deserialize(line, type)!;
    }
}

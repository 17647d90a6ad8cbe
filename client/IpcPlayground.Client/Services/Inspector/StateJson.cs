using System.Globalization;
using System.Text.Json;

namespace IpcPlayground.Client.Services.Inspector;

/// <summary>Reads the fields of a <c>state</c> snapshot, tolerating the ones a snapshot leaves out.</summary>
public static class StateJson
{
    public static string? String(JsonElement state, string name) =>
        state.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long? Long(JsonElement state, string name) =>
        state.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    public static bool Flag(JsonElement state, string name) =>
        state.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static IReadOnlyList<long> Longs(JsonElement state, string name) =>
        state.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Number).Select(x => x.GetInt64())]
            : [];

    public static IReadOnlyList<string> Strings(JsonElement state, string name) =>
        state.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];

    /// <summary>A System V queue's listed messages: (mtype, size) each.</summary>
    public static IReadOnlyList<(long Type, long Size)> Messages(JsonElement state) =>
        state.TryGetProperty("queue", out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Select(m => (Long(m, "type") ?? 0, Long(m, "size") ?? 0))]
            : [];

    public static string Number(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "?";

    /// <summary>The preview's bytes from <c>previewHex</c>.</summary>
    public static byte[] Preview(JsonElement state)
    {
        if (String(state, "previewHex") is not { Length: > 0 } hex || hex.Length % 2 != 0) return [];
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}

using System.Text.Json;

namespace IpcPlayground.Contracts.Json;

/// <summary>A JSON body the serializer refused, said as the contract says errors: a path and what is wrong there.</summary>
internal static class JsonProblems
{
    /// <summary><c>$.processes[1].steps[0].op</c> becomes <c>processes[1].steps[0].op</c>; the root stays <c>$</c>.</summary>
    public static string ToContractPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "$";
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    public static string Describe(JsonException e)
    {
        var message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var field = ToContractPath(e.Path);
            return $"unknown field '{field[(field.LastIndexOf('.') + 1)..]}'";
        }
        if (message.Contains("could not be converted", StringComparison.Ordinal))
            return "wrong JSON type for this field";
        // The serializer appends location details after the first sentence; the path already says where.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Server.Apis;

/// <summary>A small JSON request body read with the contract's strict JSON; a bad one is a 400 naming the JSON path at fault.</summary>
public static class JsonRequestBody
{
    private const int MaxBytes = 4096;

    public sealed record Result<T>(T? Value, IResult? Problem) where T : class;

    /// <param name="what">What the body is, for the problems' wording ("request").</param>
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, string what) where T : class
    {
        var body = await ExperimentBody.ReadAsync(request, MaxBytes, what);
        if (body.Problem is { } problem) return new(null, problem);
        try
        {
            using var document = JsonDocument.Parse(body.Bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return Invalid<T>("$", $"send the {what} as a JSON object", what);
            return new(document.Deserialize(type), null);
        }
        catch (JsonException e)
        {
            return Invalid<T>(e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$", e.Message, what);
        }
    }

    public static Result<T> Invalid<T>(string path, string message, string what) where T : class =>
        new(null, ExperimentBody.Invalid([new ValidationError(path, message)], $"The {what} is not valid"));
}

using System.Text.Json;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Client.Services;

/// <summary>Reads a refusal (RFC 7807 problem details) into errors by JSON path, or one error at <c>$</c> with its detail.</summary>
public static class ProblemReader
{
    public static async Task<IReadOnlyList<ValidationError>> ErrorsAsync(HttpResponseMessage response)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                return errors.EnumerateObject()
                    .SelectMany(p => p.Value.EnumerateArray().Select(m => new ValidationError(p.Name, m.GetString() ?? "")))
                    .ToList();
            var detail = document.RootElement.TryGetProperty("detail", out var d) ? d.GetString()
                : document.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            return [new ValidationError("$", detail ?? $"the server answered {(int)response.StatusCode}")];
        }
        catch (JsonException)
        {
            return [new ValidationError("$", $"the server answered {(int)response.StatusCode}")];
        }
    }
}

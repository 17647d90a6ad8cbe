using System.Text.Json;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;

namespace IpcPlayground.Contracts.Measurements;

/// <summary>The outcome of reading a measurement request: the request with its defaults when valid, else every error by path.</summary>
public sealed record MeasurementReadResult(MeasurementRequest? Request, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Request is not null && Errors.Count == 0;
}

/// <summary>Parses a measurement request strictly (unknown fields and wrong types are errors), then validates it.</summary>
public static class MeasurementReader
{
    public static MeasurementReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        MeasurementRequest? request;
        try
        {
            request = utf8Json.IsEmpty ? new MeasurementRequest() : JsonSerializer.Deserialize(utf8Json, ContractsJsonContext.Default.MeasurementRequest);
        }
        catch (JsonException e)
        {
            return new(null, [new ValidationError(JsonProblems.ToContractPath(e.Path), JsonProblems.Describe(e))]);
        }
        if (request is null)
            return new(null, [new ValidationError("$", "the body must be a JSON object (a measurement request)")]);
        var errors = MeasurementValidator.Validate(request);
        return new(errors.Count == 0 ? request.WithDefaults() : null, errors);
    }

    public static MeasurementReadResult Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));
}

using System.Text.Json;
using IpcPlayground.Contracts.Json;

namespace IpcPlayground.Contracts.Experiments;

/// <summary>The outcome of reading an experiment: the experiment when it is valid, else every error by JSON path.</summary>
public sealed record ExperimentReadResult(Experiment? Experiment, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Experiment is not null && Errors.Count == 0;
}

/// <summary>Parses experiment JSON strictly (unknown fields and wrong types are errors) and then validates it.</summary>
public static class ExperimentReader
{
    public static ExperimentReadResult Read(ReadOnlySpan<byte> utf8Json, SizeCaps? caps = null)
    {
        Experiment? experiment;
        try
        {
            experiment = JsonSerializer.Deserialize(utf8Json, ContractsJsonContext.Default.Experiment);
        }
        catch (JsonException e)
        {
            return new(null, [new ValidationError(ToContractPath(e.Path), Describe(e))]);
        }
        if (experiment is null)
            return new(null, [new ValidationError("$", "the body must be a JSON object (an experiment)")]);
        var errors = ExperimentValidator.Validate(experiment, caps);
        return new(errors.Count == 0 ? experiment : null, errors);
    }

    public static ExperimentReadResult Read(string json, SizeCaps? caps = null) => Read(System.Text.Encoding.UTF8.GetBytes(json), caps);

    /// <summary><c>$.processes[1].steps[0].op</c> becomes <c>processes[1].steps[0].op</c>; the root stays <c>$</c>.</summary>
    internal static string ToContractPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "$";
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    private static string Describe(JsonException e)
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

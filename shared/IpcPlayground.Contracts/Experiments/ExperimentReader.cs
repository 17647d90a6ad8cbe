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
            return new(null, [new ValidationError(JsonProblems.ToContractPath(e.Path), JsonProblems.Describe(e))]);
        }
        if (experiment is null)
            return new(null, [new ValidationError("$", "the body must be a JSON object (an experiment)")]);
        var errors = ExperimentValidator.Validate(experiment, caps);
        return new(errors.Count == 0 ? experiment : null, errors);
    }

    public static ExperimentReadResult Read(string json, SizeCaps? caps = null) => Read(System.Text.Encoding.UTF8.GetBytes(json), caps);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;

namespace IpcPlayground.Client.Services.Composer;

/// <summary>An experiment as a person reads it in the JSON view: the contract's field names, indented, nulls left out.</summary>
public static class ExperimentJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Experiment experiment)
    {
        var compact = JsonSerializer.SerializeToUtf8Bytes(experiment, ContractsJsonContext.Default.Experiment);
        using var document = JsonDocument.Parse(compact);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented)) document.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The text as an experiment, or null when it is not readable JSON of that shape (no rule is checked).</summary>
    public static Experiment? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ContractsJsonContext.Default.Experiment);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The text as an experiment even when it breaks a rule (so the form can show it), given the reader's result for
    /// it; null when it is not readable JSON of that shape.
    /// </summary>
    public static Experiment? TryParse(string json, ExperimentReadResult read, out ValidationError? parseError)
    {
        parseError = null;
        if (read.Experiment is not null) return read.Experiment;
        try
        {
            return JsonSerializer.Deserialize(json, ContractsJsonContext.Default.Experiment);
        }
        catch (JsonException)
        {
            parseError = read.Errors.Count > 0 ? read.Errors[0] : null;
            return null;
        }
    }
}

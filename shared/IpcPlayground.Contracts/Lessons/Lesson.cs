using System.Text.Json;

namespace IpcPlayground.Contracts.Lessons;

/// <summary>
/// A built-in experiment of the lesson library, with its title and explanation in English and Chinese. The id, order
/// and title are read when the library opens; the explanation and experiment only when first asked for, so the
/// browser's first render parses one lesson, not all of them.
/// </summary>
public sealed class Lesson
{
    private readonly Lazy<LessonFile> _file;
    private readonly Lazy<string> _experimentJson;

    internal Lesson(string id, int order, LocalizedText title, Func<LessonFile> file)
    {
        Id = id;
        Order = order;
        Title = title;
        _file = new Lazy<LessonFile>(file);
        _experimentJson = new Lazy<string>(() => JsonSerializer.Serialize(Experiment, LessonJsonContext.Indented.JsonElement));
    }

    public string Id { get; }
    public int Order { get; }
    public LocalizedText Title { get; }
    public LocalizedText Explanation => _file.Value.Explanation;

    /// <summary>A prepared measurement the explanation walks through: a <c>/measure?…</c> address that fills the measure form; null for most lessons.</summary>
    public string? Measurement => _file.Value.Measurement;

    /// <summary>The experiment exactly as the lesson file holds it, ready to post to <c>/api/runs</c>.</summary>
    public JsonElement Experiment => _file.Value.Experiment;

    public string ExperimentJson => _experimentJson.Value;

    /// <summary>The experiment's own <c>name</c>.</summary>
    public string? ExperimentName => Experiment.TryGetProperty("name", out var name) ? name.GetString() : null;

    /// <summary>
    /// Whether a composed experiment is still this lesson, edited or not: it keeps the lesson's name. Another experiment
    /// pasted over it is not (and its explanation no longer stands above it).
    /// </summary>
    public bool IsStill(Experiments.Experiment experiment) => experiment.Name == ExperimentName;
}

/// <summary>A lesson file as it is stored (Lessons/Library/*.json).</summary>
internal sealed record LessonFile
{
    public required string Id { get; init; }
    public int Order { get; init; }
    public required LocalizedText Title { get; init; }
    public required LocalizedText Explanation { get; init; }
    public string? Measurement { get; init; }
    public required JsonElement Experiment { get; init; }
}

public sealed record LocalizedText
{
    public required string En { get; init; }
    public required string Zh { get; init; }

    public string In(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;
}

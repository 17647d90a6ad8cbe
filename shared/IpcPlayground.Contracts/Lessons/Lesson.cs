using System.Text.Json;

namespace IpcPlayground.Contracts.Lessons;

/// <summary>A built-in experiment of the lesson library, with its title and explanation in English and Chinese.</summary>
public sealed record Lesson
{
    public required string Id { get; init; }
    public int Order { get; init; }
    public required LocalizedText Title { get; init; }
    public required LocalizedText Explanation { get; init; }

    /// <summary>The experiment exactly as the lesson file holds it, ready to post to <c>/api/runs</c>.</summary>
    public required JsonElement Experiment { get; init; }

    public string ExperimentJson => JsonSerializer.Serialize(Experiment, LessonJsonContext.Indented.JsonElement);
}

public sealed record LocalizedText
{
    public required string En { get; init; }
    public required string Zh { get; init; }

    public string In(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;
}

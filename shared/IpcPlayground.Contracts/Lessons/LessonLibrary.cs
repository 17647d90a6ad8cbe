using System.Text.Json;

namespace IpcPlayground.Contracts.Lessons;

/// <summary>The lesson library: JSON files under Lessons/Library, embedded in this assembly so browser and server share them.</summary>
public static class LessonLibrary
{
    private static readonly Lazy<IReadOnlyList<Lesson>> Loaded = new(Load);

    public static IReadOnlyList<Lesson> All => Loaded.Value;

    public static Lesson Get(string id) =>
        All.FirstOrDefault(l => l.Id == id) ?? throw new KeyNotFoundException($"no lesson '{id}'");

    private static IReadOnlyList<Lesson> Load()
    {
        var assembly = typeof(LessonLibrary).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("lessons/", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize(stream, LessonJsonContext.Default.Lesson)
                    ?? throw new InvalidDataException($"lesson resource {n} is empty");
            })
            .OrderBy(l => l.Order)
            .ToList();
    }
}

using System.Text.Json;

namespace IpcPlayground.Contracts.Lessons;

/// <summary>The lesson library: JSON files under Lessons/Library, embedded in this assembly so browser and server share them.</summary>
public static class LessonLibrary
{
    private static readonly Lazy<IReadOnlyList<Lesson>> Loaded = new(Load);

    public static IReadOnlyList<Lesson> All => Loaded.Value;

    public static Lesson Get(string id) =>
        All.FirstOrDefault(l => l.Id == id) ?? throw new KeyNotFoundException($"no lesson '{id}'");

    /// <summary>The lesson whose experiment is exactly this text (a shared link or a broadcast of a lesson); null for any other.</summary>
    public static Lesson? WithExperiment(string json) => All.FirstOrDefault(l => l.ExperimentJson == json);

    private static IReadOnlyList<Lesson> Load()
    {
        var assembly = typeof(LessonLibrary).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("lessons/", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                var bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
                var (id, order, title) = ReadHeader(bytes, n);
                return new Lesson(id, order, title, () => ReadFile(bytes, n, id));
            })
            .OrderBy(l => l.Order)
            .ToList();
    }

    private static LessonFile ReadFile(byte[] bytes, string resource, string id)
    {
        var file = JsonSerializer.Deserialize(bytes, LessonJsonContext.Default.LessonFile)
            ?? throw new InvalidDataException($"lesson resource {resource} is empty");
        return file.Id == id ? file : throw new InvalidDataException($"lesson resource {resource} names two ids");
    }

    /// <summary>
    /// The id, order and title of a lesson file, read from its head: every lesson file opens with them (LessonTests),
    /// so the browser's first render reads a few hundred bytes of each lesson, not all of them.
    /// </summary>
    private static (string Id, int Order, LocalizedText Title) ReadHeader(byte[] bytes, string resource)
    {
        var reader = new Utf8JsonReader(bytes);
        string? id = null;
        int? order = null;
        LocalizedText? title = null;
        reader.Read();
        while ((id is null || order is null || title is null) && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id": id = reader.GetString(); break;
                case "order": order = reader.GetInt32(); break;
                case "title": title = JsonSerializer.Deserialize(ref reader, LessonJsonContext.Default.LocalizedText); break;
                default: reader.Skip(); break;
            }
        }
        return (id ?? throw new InvalidDataException($"lesson resource {resource} has no id"), order ?? 0,
            title ?? throw new InvalidDataException($"lesson resource {resource} has no title"));
    }
}

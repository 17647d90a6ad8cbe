using System.Text.Json;
using System.Text.Json.Serialization;

namespace IpcPlayground.Contracts.Lessons;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(LessonFile))]
[JsonSerializable(typeof(LocalizedText))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class LessonJsonContext : JsonSerializerContext
{
    /// <summary>For showing an experiment to a person: indented, non-ASCII text left as it is.</summary>
    public static LessonJsonContext Indented { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

using IpcPlayground.Contracts.Lessons;

namespace IpcPlayground.Client.Services.Gallery;

/// <summary>
/// Finds lessons by what a person types: every word must appear in the title, explanation or tags, in English or
/// Chinese (so "管道" finds the pipe lessons whichever language the page is in). Case does not matter.
/// </summary>
public static class LessonSearch
{
    public static IReadOnlyList<Lesson> Find(IEnumerable<Lesson> lessons, string? query)
    {
        var terms = (query ?? "").Split([' ', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries);
        if (terms.Length == 0) return lessons.ToList();
        return lessons.Where(l =>
        {
            var haystack = Haystack(l);
            return terms.All(t => haystack.Contains(t, StringComparison.OrdinalIgnoreCase));
        }).ToList();
    }

    /// <summary>A one-line summary: the explanation's first sentence.</summary>
    public static string Summary(Lesson lesson, string language)
    {
        var text = lesson.Explanation.In(language);
        var end = text.IndexOfAny(['.', '。']);
        return end > 0 ? text[..(end + 1)] : text;
    }

    private static string Haystack(Lesson l) =>
        string.Join('\n', l.Id, l.Title.En, l.Title.Zh, l.Explanation.En, l.Explanation.Zh, string.Join(' ', LessonTags.Of(l)));
}

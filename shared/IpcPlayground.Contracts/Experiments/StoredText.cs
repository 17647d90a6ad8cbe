namespace IpcPlayground.Contracts.Experiments;

/// <summary>
/// Text the server keeps and shows to others (names, titles, descriptions): no control characters, which PostgreSQL
/// cannot store (NUL) or which hide and reorder what is shown; a description may have line breaks and tabs.
/// </summary>
public static class StoredText
{
    public static bool IsClean(string text, bool multiline = false) =>
        !text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'));
}

using System.Globalization;
using System.Text;
using IpcPlayground.Storage.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// A room prediction's answers as CSV (RFC 4180), one row per answer, for an instructor's spreadsheet. A participant's
/// name is theirs to choose: one that a spreadsheet would take for a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>
/// first) is written with a leading apostrophe, so opening the file never runs what a participant typed.
/// </summary>
public static class AnswersCsv
{
    public const string Header = "participant,process,step,iteration,about,choice,actual,correct,answeredAt";

    public static string Write(IEnumerable<NamedAnswer> answers)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var (answer, participant) in answers)
        {
            string?[] fields =
            [
                Inert(participant), answer.Process, answer.Step, answer.Iteration?.ToString(CultureInfo.InvariantCulture), answer.About, answer.Choice,
                answer.Actual, answer.Correct switch { true => "true", false => "false", null => null },
                DateTimeOffset.FromUnixTimeMilliseconds(answer.AnsweredAtMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>A field, quoted (its quotes doubled) when it holds a comma, a quote or a line break.</summary>
    public static string Field(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Inert(string name) => name.Length > 0 && name[0] is '=' or '+' or '-' or '@' ? "'" + name : name;
}

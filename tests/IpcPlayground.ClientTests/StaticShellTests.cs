using System.Text.RegularExpressions;
using IpcPlayground.Client.Localization;

namespace IpcPlayground.ClientTests;

/// <summary>
/// The static shell in wwwroot/index.html, painted before the app starts, says what the app will say: each of its
/// English/Chinese pairs is a pair of the page's string table.
/// </summary>
public sealed partial class StaticShellTests
{
    [Fact]
    public void Every_word_of_the_shell_is_the_string_tables_in_both_languages()
    {
        var html = File.ReadAllText(Path.Combine(RepositoryRoot(), "client/IpcPlayground.Client/wwwroot/index.html"));
        var pairs = BilingualPair().Matches(html).Select(m => (En: m.Groups["en"].Value, Zh: m.Groups["zh"].Value)).ToList();
        var table = Pairs(UiText.English, UiText.Chinese).Concat(Pairs(UiText.English.Workshop, UiText.Chinese.Workshop))
            .Concat(Pairs(UiText.English.Measure, UiText.Chinese.Measure)).Concat(Pairs(UiText.English.PredictMode, UiText.Chinese.PredictMode)).ToHashSet();

        Assert.True(pairs.Count >= 6, "the shell lost its words");
        Assert.All(pairs, pair => Assert.True(table.Contains(pair), $"the shell says \"{pair.En}\" / \"{pair.Zh}\", which the string table does not"));
        Assert.Contains((UiText.English.Run, UiText.Chinese.Run), pairs);
        Assert.Equal(pairs.Count, Regex.Count(html, "<span lang=\"en\">"));
    }

    private static IEnumerable<(string, string)> Pairs<T>(T english, T chinese) =>
        typeof(T).GetProperties().Where(p => p.PropertyType == typeof(string))
            .Select(p => ((string)p.GetValue(english)!, (string)p.GetValue(chinese)!));

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IpcPlayground.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("the repository root is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("<span lang=\"en\">(?<en>[^<]*)</span><span lang=\"zh-Hans\">(?<zh>[^<]*)</span>")]
    private static partial Regex BilingualPair();
}

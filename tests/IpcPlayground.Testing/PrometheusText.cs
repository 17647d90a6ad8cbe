using System.Globalization;
using System.Text.RegularExpressions;

namespace IpcPlayground.Testing;

/// <summary>Samples read from the server's <c>/metrics</c> (Prometheus text), for tests and benchmarks.</summary>
public static partial class PrometheusText
{
    /// <summary>The value of the first sample named <paramref name="name"/> that has <paramref name="label"/> (e.g. <c>mode="free"</c>), or null.</summary>
    public static double? Value(string text, string name, string? label = null) =>
        Samples(text, name).Where(l => label is null || l.Contains(label, StringComparison.Ordinal)).Select(ValueOf).FirstOrDefault();

    /// <summary>The samples named <paramref name="name"/> by the value of their label <paramref name="label"/>, e.g. refusals by reason.</summary>
    public static IReadOnlyDictionary<string, double> ByLabel(string text, string name, string label) =>
        Samples(text, name)
            .Select(l => (Match: Regex.Match(l, $@"\b{Regex.Escape(label)}=""(?<value>[^""]*)"""), Line: l))
            .Where(s => s.Match.Success)
            .ToDictionary(s => s.Match.Groups["value"].Value, s => ValueOf(s.Line)!.Value, StringComparer.Ordinal);

    private static IEnumerable<string> Samples(string text, string name) =>
        text.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal) && l.Length > name.Length && l[name.Length] is ' ' or '{');

    private static double? ValueOf(string sample) => double.Parse(sample[(sample.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
}

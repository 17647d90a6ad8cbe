using System.Globalization;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Client.Services.Measure;

/// <summary>
/// What the measure form holds: the request it would post, read from and written to the page's query string
/// (<c>/measure?mechanisms=pipe,shm-ring&amp;sizes=64,65536&amp;pattern=stream&amp;cpus=any&amp;reference=false</c>), so a
/// lesson's link fills the form. Names the query carries that are not mechanisms stay in the request, so the
/// validator names them by path instead of the form dropping them silently.
/// </summary>
public sealed class MeasureChoices
{
    /// <summary>The sizes the form offers as chips; any other can be typed.</summary>
    public static readonly IReadOnlyList<int> OfferedSizes = [64, 512, 4096, 16384, 65536, MessageSizes.MiB];

    public List<string> Mechanisms { get; private set; } = [.. MeasureMechanisms.Default];
    public List<int> Sizes { get; private set; } = [.. MeasurementRequest.DefaultSizes];
    public string Pattern { get; set; } = MeasurePatterns.Stream;
    public string Cpus { get; set; } = CpuPlacements.Any;
    public bool Reference { get; set; } = true;

    /// <summary>A query value that is not a number where one is needed (a size): shown at its path like any error.</summary>
    private readonly List<ValidationError> _unreadable = [];

    public static MeasureChoices FromQuery(string uri)
    {
        var choices = new MeasureChoices();
        var query = Query(new Uri(uri).Query);
        if (query.TryGetValue("mechanisms", out var mechanisms))
            choices.Mechanisms = [.. List(mechanisms)];
        if (query.TryGetValue("sizes", out var sizes))
        {
            choices.Sizes = [];
            foreach (var (text, i) in List(sizes).Select((t, i) => (t, i)))
            {
                if (MessageSizes.Parse(text) is { } size) choices.Sizes.Add(size);
                else choices._unreadable.Add(new($"sizes[{i}]", $"'{text}' is not a message size in bytes"));
            }
        }
        if (query.TryGetValue("pattern", out var pattern)) choices.Pattern = pattern;
        if (query.TryGetValue("cpus", out var cpus)) choices.Cpus = cpus;
        if (query.TryGetValue("reference", out var reference)) choices.Reference = reference != "false";
        return choices;
    }

    /// <summary>The form of a measurement already made (a share link): its request with the defaults filled in.</summary>
    public static MeasureChoices From(MeasurementRequest request)
    {
        var full = request.WithDefaults();
        return new()
        {
            Mechanisms = [.. full.Mechanisms!],
            Sizes = [.. full.Sizes!],
            Pattern = full.Pattern!,
            Cpus = full.Cpus!,
            Reference = full.Reference!.Value,
        };
    }

    public MeasurementRequest ToRequest() => new()
    {
        Format = 1,
        Mechanisms = [.. Mechanisms],
        Sizes = [.. Sizes],
        Pattern = Pattern,
        Cpus = Cpus,
        Reference = Reference,
    };

    /// <summary>The same rules the server applies (MeasurementValidator), by JSON path, before anything is posted.</summary>
    public IReadOnlyList<ValidationError> Validate() => [.. _unreadable, .. MeasurementValidator.Validate(ToRequest())];

    /// <summary>The query string that fills the form with these choices again.</summary>
    public string ToQuery() => QueryString(new Dictionary<string, string>
    {
        ["mechanisms"] = string.Join(',', Mechanisms),
        ["sizes"] = string.Join(',', Sizes.Select(s => s.ToString(CultureInfo.InvariantCulture))),
        ["pattern"] = Pattern,
        ["cpus"] = Cpus,
        ["reference"] = Reference ? "true" : "false",
    });

    public bool Has(MeasureMechanism mechanism) => Mechanisms.Contains(mechanism.Name);

    /// <summary>Ticks or unticks a mechanism; the list keeps the descriptors' order.</summary>
    public void Toggle(MeasureMechanism mechanism, bool on)
    {
        Mechanisms.Remove(mechanism.Name);
        if (on) Mechanisms.Add(mechanism.Name);
        Mechanisms = [.. Mechanisms.OrderBy(Order)];
    }

    public void ToggleSize(int size, bool on)
    {
        Sizes.Remove(size);
        if (on) Sizes.Add(size);
        Sizes.Sort();
        _unreadable.Clear();
    }

    /// <summary>Under stream, a mechanism that carries no sized message cannot be measured (the validator says so too).</summary>
    public bool Disabled(MeasureMechanism mechanism) => !mechanism.Streams && Pattern == MeasurePatterns.Stream;

    private static int Order(string name) =>
        MeasureMechanisms.Named(name) is { } m ? MeasureMechanisms.All.ToList().IndexOf(m) : int.MaxValue;

    private static IEnumerable<string> List(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A query string's names and values (the last of a repeated name wins).</summary>
    private static Dictionary<string, string> Query(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(kv => Uri.UnescapeDataString(kv[0]))
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString((g.Last().ElementAtOrDefault(1) ?? "").Replace('+', ' ')));

    private static string QueryString(Dictionary<string, string> values) =>
        "?" + string.Join('&', values.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value).Replace("%2C", ",", StringComparison.Ordinal)}"));
}

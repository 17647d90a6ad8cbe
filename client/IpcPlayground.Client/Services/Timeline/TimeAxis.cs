using System.Globalization;

namespace IpcPlayground.Client.Services.Timeline;

/// <summary>Tick marks for the time axis: round steps (1, 2 or 5 times a power of ten) that give about six ticks.</summary>
public static class TimeAxis
{
    private static readonly int[] Multiples = [1, 2, 5, 10];

    public static IReadOnlyList<(long Ns, string Label)> Ticks(long startNs, long spanNs, int wanted = 6)
    {
        var raw = Math.Max(1.0, spanNs / (double)wanted);
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (long)(Multiples.Select(m => m * power).First(s => s >= raw));
        var ticks = new List<(long, string)>();
        for (var t = (startNs + step - 1) / step * step; t <= startNs + spanNs; t += step)
            ticks.Add((t, Label(t, step)));
        return ticks;
    }

    public static string Label(long ns, long step) => step switch
    {
        >= 1_000_000_000 => (ns / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " s",
        >= 1_000_000 => (ns / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " ms",
        >= 1_000 => (ns / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + " µs",
        _ => ns.ToString(CultureInfo.InvariantCulture) + " ns",
    };
}

namespace IpcPlayground.Benchmarks;

/// <summary>Quantiles of measured values, the nearest-rank way every benchmark here prints them.</summary>
public static class Quantile
{
    /// <summary>The value at quantile <paramref name="q"/> (0..1) of <paramref name="sorted"/> (ascending); NaN when empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
}

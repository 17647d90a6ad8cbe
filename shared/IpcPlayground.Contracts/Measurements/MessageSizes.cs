using System.Globalization;

namespace IpcPlayground.Contracts.Measurements;

/// <summary>Message sizes as a person reads and types them (page and CLI alike): bytes, KiB, MiB (powers of two).</summary>
public static class MessageSizes
{
    public const int KiB = 1024;
    public const int MiB = 1024 * 1024;

    /// <summary>"64 B", "4 KiB", "1.5 KiB", "1 MiB".</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= MiB => Number(bytes / (double)MiB) + " MiB",
        >= KiB => Number(bytes / (double)KiB) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    /// <summary>"4096", "4k", "4 KiB", "1m", "1 MiB" → bytes; null when it is not a whole number of bytes (the range is MeasurementValidator's to judge).</summary>
    public static int? Parse(string? text)
    {
        var t = (text ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        var (unit, digits) = t switch
        {
            _ when t.EndsWith("mib", StringComparison.Ordinal) => (MiB, t[..^3]),
            _ when t.EndsWith("kib", StringComparison.Ordinal) => (KiB, t[..^3]),
            _ when t.EndsWith('m') => (MiB, t[..^1]),
            _ when t.EndsWith('k') => (KiB, t[..^1]),
            _ when t.EndsWith('b') => (1, t[..^1]),
            _ => (1, t),
        };
        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        var bytes = value * unit;
        return bytes is >= 0 and <= int.MaxValue && bytes == Math.Floor(bytes) ? (int)bytes : null;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

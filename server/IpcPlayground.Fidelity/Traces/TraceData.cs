using System.Globalization;
using System.Text;

namespace IpcPlayground.Fidelity.Traces;

/// <summary>
/// Bytes as a trace shows them, the same on both sides (the C program's <c>trace_data</c> writes exactly this): up to
/// 256 bytes percent-encoded — printable ASCII but <c>%</c> as it is, anything else <c>%XX</c> — and longer data as
/// its length and FNV-1a hash, <c>65536B#0123456789abcdef</c>.
/// </summary>
public static class TraceData
{
    public const int LongestVerbatim = 256;

    public static string Encode(ReadOnlySpan<byte> data)
    {
        if (data.Length > LongestVerbatim)
        {
            var hash = 14695981039346656037UL;
            foreach (var b in data) hash = (hash ^ b) * 1099511628211UL;
            return string.Create(CultureInfo.InvariantCulture, $"{data.Length}B#{hash:x16}");
        }
        var text = new StringBuilder(data.Length);
        foreach (var b in data)
        {
            if (b is > 32 and < 127 && b != '%') text.Append((char)b);
            else text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>The bytes a verbatim encoding stands for (<c>%XX</c> back to its byte).</summary>
    public static byte[] Decode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length)
            {
                bytes.Add(byte.Parse(encoded.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else bytes.Add((byte)encoded[i]);
        }
        return [.. bytes];
    }
}

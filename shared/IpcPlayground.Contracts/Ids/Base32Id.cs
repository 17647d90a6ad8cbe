using System.Security.Cryptography;

namespace IpcPlayground.Contracts.Ids;

/// <summary>Ids and secrets as lower-case base32: URL-safe, no look-alike case pairs, 5 bits a character.</summary>
public static class Base32Id
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>An unguessable id of <paramref name="length"/> characters (80 random bits for 16).</summary>
    public static string Random(int length)
    {
        Span<byte> bytes = stackalloc byte[(length * 5 + 7) / 8 + 1];
        RandomNumberGenerator.Fill(bytes);
        return Of(bytes, length);
    }

    /// <summary>The first <paramref name="length"/> characters of <paramref name="bytes"/> in base32.</summary>
    public static string Of(ReadOnlySpan<byte> bytes, int length)
    {
        if (bytes.Length * 8 < length * 5) throw new ArgumentOutOfRangeException(nameof(length), "not enough bytes for that many characters");
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var bit = i * 5;
            var pair = (bytes[bit / 8] << 8) | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0);
            chars[i] = Alphabet[(pair >> (11 - bit % 8)) & 31];
        }
        return new string(chars);
    }
}

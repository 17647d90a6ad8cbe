using System.Buffers.Text;
using System.IO.Compression;

namespace IpcPlayground.Contracts.Sharing;

/// <summary>
/// A link that carries the whole experiment in its fragment — <c>/#x=1.BASE64URL(deflate(json))</c> — so sharing
/// needs no storage and the server never sees it (browsers do not send fragments). The version prefix lets the
/// encoding change without breaking old links.
/// </summary>
public static class SelfContainedLink
{
    public const string FragmentKey = "x";
    private const string Version = "1.";

    /// <summary>Longest fragment accepted when reading: links are pasted by people, not streamed.</summary>
    public const int MaxFragmentLength = 64 * 1024;

    public static string Fragment(byte[] experimentJson)
    {
        using var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            deflate.Write(experimentJson);
        return $"{FragmentKey}={Version}{Base64Url.EncodeToString(compressed.ToArray())}";
    }

    /// <summary>The experiment's bytes from a fragment (with or without its leading '#'), or null and why not.</summary>
    public static (byte[]? Experiment, string? Problem) Read(string fragment)
    {
        var text = fragment.TrimStart('#');
        if (text.Length > MaxFragmentLength) return (null, "the link is too long to be an experiment");
        var prefix = $"{FragmentKey}={Version}";
        if (!text.StartsWith(prefix, StringComparison.Ordinal)) return (null, "the link does not carry an experiment (expected #x=1.…)");
        try
        {
            var compressed = Base64Url.DecodeFromChars(text.AsSpan(prefix.Length));
            using var deflate = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var json = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int n;
            while ((n = deflate.Read(buffer)) > 0)
            {
                json.Write(buffer, 0, n);
                if (json.Length > 1 << 20) return (null, "the experiment in the link is larger than 1 MiB");
            }
            return json.Length == 0 ? (null, "the link is damaged: it carries no experiment") : (json.ToArray(), null);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return (null, "the link is damaged: its experiment cannot be decoded");
        }
    }
}

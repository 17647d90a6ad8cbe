using System.Globalization;
using System.Text;

namespace IpcPlayground.Exports.CProgram;

/// <summary>Text and bytes as C source: string literals that say exactly the bytes, and comments that cannot end early.</summary>
internal static class CLiteral
{
    public static string String(string text) => Bytes(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// A string literal of exactly these bytes. Anything but printable ASCII is a three-digit octal escape, which,
    /// unlike <c>\x</c>, cannot swallow a following digit; <c>?</c> is escaped so no trigraph forms.
    /// </summary>
    public static string Bytes(ReadOnlySpan<byte> bytes)
    {
        var literal = new StringBuilder("\"");
        foreach (var b in bytes)
        {
            switch (b)
            {
                case (byte)'"': literal.Append("\\\""); break;
                case (byte)'\\': literal.Append("\\\\"); break;
                case (byte)'?': literal.Append("\\?"); break;
                case (byte)'\n': literal.Append("\\n"); break;
                case (byte)'\t': literal.Append("\\t"); break;
                case >= 32 and < 127: literal.Append((char)b); break;
                default: literal.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0')); break;
            }
        }
        return literal.Append('"').ToString();
    }

    /// <summary>Free text for inside <c>/* */</c>: one line, printable, and never <c>*/</c>.</summary>
    public static string CommentText(string text)
    {
        var safe = new StringBuilder();
        foreach (var c in text) safe.Append(char.IsControl(c) ? ' ' : c);
        // Neither may end the comment early, nor open one inside it (gcc -Wcomment).
        return safe.ToString().Replace("*/", "* /", StringComparison.Ordinal).Replace("/*", "/ *", StringComparison.Ordinal);
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

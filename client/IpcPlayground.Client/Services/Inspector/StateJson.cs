using System.Globalization;

namespace IpcPlayground.Client.Services.Inspector;

/// <summary>How the inspector writes the numbers and bytes of a <c>state</c> snapshot.</summary>
public static class StateJson
{
    public static string Number(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "?";

    /// <summary>The preview's bytes from its hex text; none when it is missing or malformed.</summary>
    public static byte[] Preview(string? hex)
    {
        if (hex is not { Length: > 0 } || hex.Length % 2 != 0) return [];
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}

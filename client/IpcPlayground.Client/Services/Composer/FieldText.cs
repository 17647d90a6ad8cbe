using System.Globalization;

namespace IpcPlayground.Client.Services.Composer;

/// <summary>Field values as a form holds them (invariant text) and back; text that is not a value reads as null (the field left out).</summary>
public static class FieldText
{
    public static string? Of(long? value) => value?.ToString(CultureInfo.InvariantCulture);
    public static string? Of(bool? value) => value is null ? null : value.Value ? "true" : "false";
    public static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
    public static long? Long(string? text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
    public static bool? Bool(string? text) => text switch { "true" => true, "false" => false, _ => null };
}

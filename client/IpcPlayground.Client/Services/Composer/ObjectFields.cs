using System.Globalization;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Client.Services.Composer;

/// <summary>An object's type-specific fields as form inputs (which ones a type takes comes from <see cref="ObjectTypes.FieldsOf"/>).</summary>
public static class ObjectFields
{
    public static readonly IReadOnlyList<string> All = ["capacity", "size", "count", "initial", "maxMessages", "messageSize", "key", "path", "name", "port"];

    public static FieldKind KindOf(string field) => field is "key" or "path" or "name" ? FieldKind.Text : FieldKind.Number;

    /// <summary>What the input suggests when the field is left out (the runtime's default).</summary>
    public static string Placeholder(string field) => field switch
    {
        "capacity" => "65536",
        "size" => "4096",
        "count" => "1",
        "initial" => "1",
        "maxMessages" => "10",
        "messageSize" => "1024",
        "key" => "private | 1234 | ftok /sandbox/key 65",
        "path" => "/sandbox/…",
        "name" => "/name",
        "port" => "4000",
        _ => "",
    };

    public static string? Get(ObjectDefinition obj, string field) => field switch
    {
        "capacity" => Text(obj.Capacity),
        "size" => Text(obj.Size),
        "count" => Text(obj.Count),
        "initial" => Text(obj.Initial),
        "maxMessages" => Text(obj.MaxMessages),
        "messageSize" => Text(obj.MessageSize),
        "key" => KeyText(obj.Key),
        "path" => obj.Path,
        "name" => obj.Name,
        "port" => Text(obj.Port),
        _ => null,
    };

    public static ObjectDefinition Set(ObjectDefinition obj, string field, string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return field switch
        {
            "capacity" => obj with { Capacity = Int(text) },
            "size" => obj with { Size = Int(text) },
            "count" => obj with { Count = Int(text) },
            "initial" => obj with { Initial = Int(text) },
            "maxMessages" => obj with { MaxMessages = Int(text) },
            "messageSize" => obj with { MessageSize = Int(text) },
            "key" => obj with { Key = ParseKey(text) },
            "path" => obj with { Path = text },
            "name" => obj with { Name = text },
            "port" => obj with { Port = Int(text) },
            _ => obj,
        };
    }

    /// <summary><c>private</c>, a number, or <c>ftok PATH PROJ</c>.</summary>
    public static IpcKey? ParseKey(string? text)
    {
        if (text is null) return null;
        if (text == "private") return IpcKey.Private;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) return new IpcKey { Value = number };
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && parts[0] == "ftok")
            return new IpcKey { Ftok = new FtokKey { Path = parts[1], Proj = parts.Length > 2 ? Int(parts[2]) : null } };
        return IpcKey.Private;
    }

    public static string? KeyText(IpcKey? key) => key switch
    {
        null => null,
        { IsPrivate: true } => "private",
        { Value: { } v } => Text(v),
        { Ftok: { } f } => $"ftok {f.Path} {Text(f.Proj)}".TrimEnd(),
        _ => null,
    };

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}

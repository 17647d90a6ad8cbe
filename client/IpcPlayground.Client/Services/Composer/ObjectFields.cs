using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Client.Services.Composer;

/// <summary>An object's type-specific fields as form inputs (which ones a type takes comes from <see cref="ObjectTypes.FieldsOf"/>).</summary>
public static class ObjectFields
{
    public static readonly IReadOnlyList<string> All = ["capacity", "size", "count", "initial", "maxMessages", "messageSize", "key", "path", "name", "port", "semaphore"];

    /// <summary>A semaphore's <c>initial</c> is text: a set may take one value per member (<c>2,0</c>); an eventfd's <c>semaphore</c> is a box to tick.</summary>
    public static FieldKind KindOf(string field) => field switch
    {
        "key" or "path" or "name" or "initial" => FieldKind.Text,
        "semaphore" => FieldKind.Flag,
        _ => FieldKind.Number,
    };

    /// <summary>What the input suggests when the field is left out (the runtime's default).</summary>
    public static string Placeholder(string field) => field switch
    {
        "capacity" => "65536",
        "size" => "4096",
        "count" => "1",
        "initial" => "1 | 2,0",
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
        "capacity" => FieldText.Of(obj.Capacity),
        "size" => FieldText.Of(obj.Size),
        "count" => FieldText.Of(obj.Count),
        "initial" => obj.Initial?.ToString(),
        "maxMessages" => FieldText.Of(obj.MaxMessages),
        "messageSize" => FieldText.Of(obj.MessageSize),
        "key" => KeyText(obj.Key),
        "path" => obj.Path,
        "name" => obj.Name,
        "port" => FieldText.Of(obj.Port),
        "semaphore" => FieldText.Of(obj.Semaphore),
        _ => null,
    };

    public static ObjectDefinition Set(ObjectDefinition obj, string field, string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return field switch
        {
            "capacity" => obj with { Capacity = FieldText.Int(text) },
            "size" => obj with { Size = FieldText.Int(text) },
            "count" => obj with { Count = FieldText.Int(text) },
            "initial" => obj with { Initial = InitialValues.Parse(text) },
            "maxMessages" => obj with { MaxMessages = FieldText.Int(text) },
            "messageSize" => obj with { MessageSize = FieldText.Int(text) },
            "key" => obj with { Key = ParseKey(text) },
            "path" => obj with { Path = text },
            "name" => obj with { Name = text },
            "port" => obj with { Port = FieldText.Int(text) },
            "semaphore" => obj with { Semaphore = FieldText.Bool(text) },
            _ => obj,
        };
    }

    /// <summary><c>private</c>, a number, or <c>ftok PATH PROJ</c>.</summary>
    public static IpcKey? ParseKey(string? text)
    {
        if (text is null) return null;
        if (text == "private") return IpcKey.Private;
        if (FieldText.Int(text) is { } number) return new IpcKey { Value = number };
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && parts[0] == "ftok")
            return new IpcKey { Ftok = new FtokKey { Path = parts[1], Proj = parts.Length > 2 ? FieldText.Int(parts[2]) : null } };
        return IpcKey.Private;
    }

    public static string? KeyText(IpcKey? key) => key switch
    {
        null => null,
        { IsPrivate: true } => "private",
        { Value: { } v } => FieldText.Of(v),
        { Ftok: { } f } => $"ftok {f.Path} {FieldText.Of(f.Proj)}".TrimEnd(),
        _ => null,
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace IpcPlayground.Contracts.Experiments;

/// <summary>Reads and writes the three spellings of <see cref="IpcKey"/> without reflection.</summary>
public sealed class IpcKeyJsonConverter : JsonConverter<IpcKey>
{
    public override IpcKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when reader.ValueTextEquals("private"u8):
                return IpcKey.Private;
            case JsonTokenType.Number when reader.TryGetInt32(out var value):
                return new IpcKey { Value = value };
            case JsonTokenType.StartObject:
                return new IpcKey { Ftok = ReadFtok(ref reader) };
            default:
                throw new JsonException("a key is {\"ftok\": {\"path\": ..., \"proj\": ...}}, \"private\" or a 32-bit number");
        }
    }

    private static FtokKey ReadFtok(ref Utf8JsonReader reader)
    {
        string? path = null;
        int? proj = null;
        var sawFtok = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("ftok"u8) || sawFtok)
                throw new JsonException("a key object has exactly one field, \"ftok\"");
            sawFtok = true;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException("\"ftok\" is an object with \"path\" and \"proj\"");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("path"u8))
                {
                    reader.Read();
                    path = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("\"path\" is a string");
                }
                else if (reader.ValueTextEquals("proj"u8))
                {
                    reader.Read();
                    proj = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var p) ? p : throw new JsonException("\"proj\" is a number");
                }
                else
                {
                    throw new JsonException($"unknown field \"{reader.GetString()}\" in \"ftok\"");
                }
            }
        }
        if (!sawFtok) throw new JsonException("a key object has exactly one field, \"ftok\"");
        return new FtokKey { Path = path, Proj = proj };
    }

    public override void Write(Utf8JsonWriter writer, IpcKey value, JsonSerializerOptions options)
    {
        if (value.IsPrivate)
        {
            writer.WriteStringValue("private");
        }
        else if (value.Ftok is { } ftok)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("ftok");
            if (ftok.Path is not null) writer.WriteString("path", ftok.Path);
            if (ftok.Proj is not null) writer.WriteNumber("proj", ftok.Proj.Value);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNumberValue(value.Value ?? 0);
        }
    }
}

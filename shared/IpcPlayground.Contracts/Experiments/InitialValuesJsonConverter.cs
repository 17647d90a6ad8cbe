using System.Text.Json;
using System.Text.Json.Serialization;

namespace IpcPlayground.Contracts.Experiments;

/// <summary>Reads and writes <see cref="InitialValues"/>: a number, or an array of numbers, without reflection.</summary>
public sealed class InitialValuesJsonConverter : JsonConverter<InitialValues>
{
    private const string Shape = "initial is a number, or for a sysv-sem an array of numbers, one per member";

    public override InitialValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return reader.TryGetInt32(out var value) ? InitialValues.Of(value) : throw new JsonException(Shape);
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException(Shape);
        var values = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var member)) throw new JsonException(Shape);
            if (values.Count == 64) throw new JsonException("initial has at most 64 values");
            values.Add(member);
        }
        return InitialValues.Of(values);
    }

    public override void Write(Utf8JsonWriter writer, InitialValues value, JsonSerializerOptions options)
    {
        if (value.PerMember is not { } values)
        {
            writer.WriteNumberValue(value.Value ?? 0);
            return;
        }
        writer.WriteStartArray();
        foreach (var member in values) writer.WriteNumberValue(member);
        writer.WriteEndArray();
    }
}

using System.Buffers;
using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;

namespace IpcPlayground.Server.Storage;

/// <summary>Events as NDJSON: one contract event a line, as the events endpoint serves them.</summary>
public static class EventNdjson
{
    /// <summary>One event and its newline, as the events endpoint writes it to the response.</summary>
    public static void WriteLine(IBufferWriter<byte> output, RunEvent e)
    {
        using (var writer = new Utf8JsonWriter(output))
            JsonSerializer.Serialize(writer, e, ContractsJsonContext.Default.RunEvent);
        output.Write("\n"u8);
    }

    public static byte[] Write(IEnumerable<RunEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var e in events) WriteLine(buffer, e);
        return buffer.WrittenSpan.ToArray();
    }

    public static List<RunEvent> Read(byte[] ndjson)
    {
        var events = new List<RunEvent>();
        foreach (var line in System.Text.Encoding.UTF8.GetString(ndjson).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            events.Add(JsonSerializer.Deserialize(line, ContractsJsonContext.Default.RunEvent)!);
        return events;
    }
}

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

    /// <summary>
    /// Writes the events to <paramref name="output"/> one line at a time (a line is built in one reused buffer, so a
    /// large run never exists as one array) and returns how many bytes of NDJSON that was.
    /// </summary>
    public static long WriteTo(Stream output, IEnumerable<RunEvent> events)
    {
        var line = new ArrayBufferWriter<byte>(16 << 10);
        long bytes = 0;
        foreach (var e in events)
        {
            line.ResetWrittenCount();
            WriteLine(line, e);
            output.Write(line.WrittenSpan);
            bytes += line.WrittenCount;
        }
        return bytes;
    }

    public static List<RunEvent> Read(ReadOnlySpan<byte> ndjson)
    {
        var events = new List<RunEvent>();
        foreach (var range in ndjson.Split((byte)'\n'))
            if (ndjson[range] is { IsEmpty: false } line)
                events.Add(JsonSerializer.Deserialize(line, ContractsJsonContext.Default.RunEvent)!);
        return events;
    }
}

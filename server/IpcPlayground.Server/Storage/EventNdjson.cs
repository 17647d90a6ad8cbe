using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;

namespace IpcPlayground.Server.Storage;

/// <summary>Events as NDJSON: one contract event a line, as the events endpoints serve them (a run's, a measurement's).</summary>
public static class EventNdjson
{
    /// <summary>One event and its newline, as the events endpoint writes it to the response.</summary>
    public static void WriteLine(IBufferWriter<byte> output, RunEvent e) => WriteLine(output, e, ContractsJsonContext.Default.RunEvent);

    public static void WriteLine<TEvent>(IBufferWriter<byte> output, TEvent e, JsonTypeInfo<TEvent> type)
    {
        using (var writer = new Utf8JsonWriter(output))
            JsonSerializer.Serialize(writer, e, type);
        output.Write("\n"u8);
    }

    /// <summary>
    /// Writes the events to <paramref name="output"/> one line at a time (a line is built in one reused buffer, so a
    /// large run never exists as one array) and returns how many bytes of NDJSON that was.
    /// </summary>
    public static long WriteTo(Stream output, IEnumerable<RunEvent> events) => WriteTo(output, events, ContractsJsonContext.Default.RunEvent);

    public static long WriteTo<TEvent>(Stream output, IEnumerable<TEvent> events, JsonTypeInfo<TEvent> type)
    {
        var line = new ArrayBufferWriter<byte>(16 << 10);
        long bytes = 0;
        foreach (var e in events)
        {
            line.ResetWrittenCount();
            WriteLine(line, e, type);
            output.Write(line.WrittenSpan);
            bytes += line.WrittenCount;
        }
        return bytes;
    }

    public static List<RunEvent> Read(ReadOnlySpan<byte> ndjson) => Read(ndjson, ContractsJsonContext.Default.RunEvent);

    public static List<TEvent> Read<TEvent>(ReadOnlySpan<byte> ndjson, JsonTypeInfo<TEvent> type)
    {
        var events = new List<TEvent>();
        foreach (var range in ndjson.Split((byte)'\n'))
            if (ndjson[range] is { IsEmpty: false } line)
                events.Add(JsonSerializer.Deserialize(line, type)!);
        return events;
    }

    /// <summary>Streams <paramref name="events"/> as a response: NDJSON, each line flushed as it comes.</summary>
    public static async Task StreamAsync<TEvent>(HttpContext context, IAsyncEnumerable<TEvent> events, JsonTypeInfo<TEvent> type)
    {
        var response = context.Response;
        response.ContentType = "application/x-ndjson";
        response.Headers.CacheControl = "no-store";
        var body = response.BodyWriter;
        await foreach (var e in events.WithCancellation(context.RequestAborted))
        {
            WriteLine(body, e, type);
            await body.FlushAsync(context.RequestAborted);
        }
    }
}

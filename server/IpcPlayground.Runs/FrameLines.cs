using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Runs;

/// <summary>
/// The supervisor's frames, one JSON line each, read as UTF-8 straight from its standard output. A line is parsed
/// where it lies in the reader's pooled buffers and never becomes a string: a frame carrying a mebibyte of data would
/// otherwise cost several large-object-heap copies (the line, its builder's chunks) before its event is made.
/// </summary>
public sealed class FrameLines(Stream output, long maxLineBytes = long.MaxValue)
    : FrameLines<IRunFrame>(output, WorkerProtocolJsonContext.Default.IRunFrame, maxLineBytes);

/// <summary>Frames of any of the worker's programs (<typeparamref name="TFrame"/>: a run's, a measurement's), one JSON line each.</summary>
public class FrameLines<TFrame>(Stream output, JsonTypeInfo<TFrame> frameType, long maxLineBytes = long.MaxValue) : IAsyncDisposable
    where TFrame : class
{
    private readonly PipeReader _reader = PipeReader.Create(output, new StreamPipeReaderOptions(bufferSize: 64 << 10, minimumReadSize: 16 << 10, leaveOpen: true));

    /// <summary>How many bytes at the start of the unread buffer are known to hold no newline.</summary>
    private long _searched;

    /// <summary>
    /// The next line's frame (null when the line is not one) and its length in bytes; null once the output has ended.
    /// A line that passes <c>maxLineBytes</c> comes back as null with the length it has reached, and nothing after it.
    /// </summary>
    public async ValueTask<(TFrame? Frame, int Bytes)?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            // A long line arrives over many reads: only what came since the last look is searched for its end.
            if (buffer.Slice(_searched).PositionOf((byte)'\n') is { } newline)
            {
                var line = buffer.Slice(0, newline);
                var frame = Parse(line);
                _reader.AdvanceTo(buffer.GetPosition(1, newline));
                _searched = 0;
                return (frame, (int)line.Length);
            }
            _searched = buffer.Length;
            // A line longer than the run may produce in all is not waited for (nor held) to its end: its length so far
            // is handed on, and the caller's event budget ends the run.
            if (buffer.Length > maxLineBytes)
            {
                _reader.AdvanceTo(buffer.Start, buffer.End);
                return (null, (int)Math.Min(buffer.Length, int.MaxValue));
            }
            if (result.IsCompleted)
            {
                // A last line without its newline still counts, as a text reader would have given it.
                var last = buffer.IsEmpty ? ((TFrame?, int)?)null : (Parse(buffer), (int)buffer.Length);
                _reader.AdvanceTo(buffer.End);
                _searched = 0;
                return last;
            }
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private TFrame? Parse(ReadOnlySequence<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            return JsonSerializer.Deserialize(ref reader, frameType);
        }
        catch (JsonException) { return null; }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        GC.SuppressFinalize(this);
    }
}

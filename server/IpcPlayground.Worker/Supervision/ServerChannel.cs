using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>Frames to the server, one JSON line each on standard output; <see cref="Flush"/> sends what was written.</summary>
internal class ServerChannel<TFrame> : IDisposable
{
    private readonly Stream _out = Console.OpenStandardOutput();
    private readonly Utf8JsonWriter _writer;
    private readonly JsonTypeInfo<TFrame> _frameType;

    public ServerChannel(JsonTypeInfo<TFrame> frameType)
    {
        _writer = new Utf8JsonWriter(_out);
        _frameType = frameType;
    }

    public void Write(TFrame frame)
    {
        JsonSerializer.Serialize(_writer, frame, _frameType);
        _writer.Flush();
        _writer.Reset();
        _out.WriteByte((byte)'\n');
    }

    public void Flush() => _out.Flush();

    public void Dispose()
    {
        _writer.Dispose();
        _out.Dispose();
    }
}

/// <summary>A run's frames, from the supervisor.</summary>
internal sealed class ServerChannel() : ServerChannel<IRunFrame>(WorkerProtocolJsonContext.Default.IRunFrame);

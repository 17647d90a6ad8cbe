using System.Text.Json;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>Frames to the server: one JSON object a line on standard output.</summary>
internal sealed class ServerChannel : IDisposable
{
    private readonly Stream _out = Console.OpenStandardOutput();
    private readonly Utf8JsonWriter _writer;

    public ServerChannel() => _writer = new Utf8JsonWriter(_out);

    public void Write(IRunFrame frame)
    {
        JsonSerializer.Serialize(_writer, frame, WorkerProtocolJsonContext.Default.IRunFrame);
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

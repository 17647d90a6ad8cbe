using System.Text.Json;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Measuring;

/// <summary>Measure frames to the server, one JSON line each on standard output, flushed as each is written.</summary>
internal sealed class MeasureFrameWriter : IDisposable
{
    private readonly Stream _out = Console.OpenStandardOutput();

    public void Write(IMeasureFrame frame)
    {
        JsonSerializer.Serialize(_out, frame, WorkerProtocolJsonContext.Default.IMeasureFrame);
        _out.WriteByte((byte)'\n');
        _out.Flush();
    }

    public void Dispose() => _out.Dispose();
}

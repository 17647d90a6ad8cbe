using System.Text;
using System.Text.Json;
using IpcPlayground.Runs;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.UnitTests;

/// <summary>The supervisor's output read as frames, line by line, however its bytes arrive.</summary>
public sealed class FrameLinesTests
{
    private static string Line(IRunFrame frame) => JsonSerializer.Serialize(frame, WorkerProtocolJsonContext.Default.IRunFrame);

    [Fact]
    public async Task Each_line_is_a_frame_or_null_with_its_byte_count_and_a_last_line_needs_no_newline()
    {
        var big = new StepEndFrame { Process = "reader", Op = "read", Step = "1.0", Result = 1 << 20, Data = new byte[1 << 20] };
        var lines = new[] { Line(new RunStartedFrame()), "not a frame", Line(big), Line(new RunEndedFrame { Status = "completed" }) };
        var output = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        await using var reader = new FrameLines(new TrickleStream(output));

        var read = new List<(IRunFrame? Frame, int Bytes)>();
        while (await reader.ReadAsync(default) is { } next) read.Add(next);

        Assert.Equal(lines.Select(l => Encoding.UTF8.GetByteCount(l)), read.Select(r => r.Bytes));
        Assert.IsType<RunStartedFrame>(read[0].Frame);
        Assert.Null(read[1].Frame);
        Assert.Equal(1 << 20, Assert.IsType<StepEndFrame>(read[2].Frame).Data!.Length);
        Assert.Equal("completed", Assert.IsType<RunEndedFrame>(read[3].Frame).Status);
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_not_read_to_its_end()
    {
        var endless = new MemoryStream(Encoding.UTF8.GetBytes(new string('x', 100_000)));
        await using var reader = new FrameLines(new TrickleStream(endless), maxLineBytes: 10_000);

        var (frame, bytes) = (await reader.ReadAsync(default))!.Value;

        Assert.Null(frame);
        Assert.InRange(bytes, 10_001, 20_000);
    }

    /// <summary>Hands out at most 1000 bytes a read, as a pipe from another process may.</summary>
    private sealed class TrickleStream(Stream inner) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

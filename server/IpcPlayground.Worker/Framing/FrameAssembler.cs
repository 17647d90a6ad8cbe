using System.Buffers.Binary;

namespace IpcPlayground.Worker.Framing;

/// <summary>Collects bytes read from a non-blocking socket and yields each whole length-prefixed message.</summary>
internal sealed class FrameAssembler
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _count;

    public Span<byte> FreeSpace(int atLeast = 16 * 1024)
    {
        if (_buffer.Length - _count < atLeast)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + atLeast));
        return _buffer.AsSpan(_count);
    }

    public void Commit(int bytes) => _count += bytes;

    /// <summary>Bytes received and not yet taken: part of a frame still arriving.</summary>
    public bool HasPartial => _count > 0;

    /// <summary>Takes a fixed-size binary record (the signal channel's), if one has fully arrived.</summary>
    public bool TryTakeRecord(int size, out byte[] record)
    {
        record = [];
        if (_count < size) return false;
        record = _buffer.AsSpan(0, size).ToArray();
        _count -= size;
        Buffer.BlockCopy(_buffer, size, _buffer, 0, _count);
        return true;
    }

    /// <summary>Takes one newline-terminated line (the server's side of the supervisor's standard input), if whole.</summary>
    public bool TryTakeLine(out byte[] line)
    {
        line = [];
        var end = _buffer.AsSpan(0, _count).IndexOf((byte)'\n');
        if (end < 0) return false;
        line = _buffer.AsSpan(0, end).ToArray();
        _count -= end + 1;
        Buffer.BlockCopy(_buffer, end + 1, _buffer, 0, _count);
        return true;
    }

    public bool TryTake(out ReadOnlyMemory<byte> payload)
    {
        payload = default;
        if (_count < 4) return false;
        var length = BinaryPrimitives.ReadInt32LittleEndian(_buffer);
        if (length is <= 0 or > FrameSocket.MaxFrameBytes) throw new InvalidDataException($"bad frame length {length}");
        if (_count < 4 + length) return false;
        payload = _buffer.AsSpan(4, length).ToArray();
        _count -= 4 + length;
        Buffer.BlockCopy(_buffer, 4 + length, _buffer, 0, _count);
        return true;
    }
}

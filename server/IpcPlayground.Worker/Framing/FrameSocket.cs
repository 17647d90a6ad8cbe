using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IpcPlayground.Worker.Interop;

namespace IpcPlayground.Worker.Framing;

/// <summary>
/// Length-prefixed JSON messages over a Unix stream socket between a worker and the supervisor: a 4-byte
/// little-endian length, then that many bytes of JSON. Sends use MSG_NOSIGNAL so a dead peer is an error, not SIGPIPE.
/// </summary>
internal static unsafe class FrameSocket
{
    public const int MaxFrameBytes = 64 << 20;

    public static void Send<T>(int fd, T message, JsonTypeInfo<T> typeInfo)
    {
        if (!TrySend(fd, message, typeInfo)) throw new IOException($"send to supervisor failed: {Errno.Name(Errno.Last())}");
    }

    /// <summary>False when the peer is gone (EPIPE, ECONNRESET): a process killed between two frames is no error.</summary>
    public static bool TrySend<T>(int fd, T message, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        buffer.GetSpan(4);
        buffer.Advance(4);
        using (var writer = new Utf8JsonWriter(buffer))
            JsonSerializer.Serialize(writer, message, typeInfo);
        var bytes = buffer.WrittenMemory.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes, bytes.Length - 4);
        return SendAll(fd, bytes);
    }

    private static bool SendAll(int fd, byte[] bytes)
    {
        fixed (byte* start = bytes)
        {
            var sent = 0;
            while (sent < bytes.Length)
            {
                var n = Libc.Send(fd, start + sent, bytes.Length - sent, Libc.MSG_NOSIGNAL);
                if (n < 0)
                {
                    var errno = Errno.Last();
                    if (errno == Libc.EINTR) continue;
                    if (errno is Libc.EPIPE or Libc.ECONNRESET) return false;
                    throw new IOException($"send failed: {Errno.Name(errno)}");
                }
                sent += (int)n;
            }
        }
        return true;
    }

    /// <summary>Blocks for one whole message.</summary>
    public static T Receive<T>(int fd, JsonTypeInfo<T> typeInfo)
    {
        Span<byte> header = stackalloc byte[4];
        ReceiveExactly(fd, header);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is <= 0 or > MaxFrameBytes) throw new InvalidDataException($"bad frame length {length}");
        var payload = new byte[length];
        ReceiveExactly(fd, payload);
        return JsonSerializer.Deserialize(payload, typeInfo) ?? throw new InvalidDataException("empty frame");
    }

    private static void ReceiveExactly(int fd, Span<byte> target)
    {
        fixed (byte* start = target)
        {
            var got = 0;
            while (got < target.Length)
            {
                var n = Libc.Recv(fd, start + got, target.Length - got, 0);
                if (n == 0) throw new EndOfStreamException("supervisor closed the connection");
                if (n < 0)
                {
                    if (Errno.Last() == Libc.EINTR) continue;
                    throw new IOException($"recv from supervisor failed: {Errno.Name(Errno.Last())}");
                }
                got += (int)n;
            }
        }
    }
}

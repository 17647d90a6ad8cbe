using System.IO.Compression;
using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Server.Storage;

/// <summary>
/// A recorded run's NDJSON as the store keeps it: large records gzip-compressed (event streams repeat themselves and
/// shrink several times over), small ones as they are. NDJSON starts with <c>{</c>, gzip with 1f 8b, so a record says
/// which it is and records stored before compression read unchanged.
/// </summary>
public static class RecordedEvents
{
    /// <summary>
    /// The bytes to store for the events, compressed when <paramref name="expectedBytes"/> (what the run counted) is
    /// over <paramref name="compressAboveBytes"/>, and the size of their NDJSON uncompressed.
    /// </summary>
    public static (byte[] Stored, long NdjsonBytes) Pack(IEnumerable<RunEvent> events, long expectedBytes, long compressAboveBytes)
    {
        using var stored = new MemoryStream();
        long bytes;
        if (expectedBytes <= compressAboveBytes) bytes = EventNdjson.WriteTo(stored, events);
        else
            using (var gzip = new GZipStream(stored, CompressionLevel.Fastest, leaveOpen: true))
                bytes = EventNdjson.WriteTo(gzip, events);
        return (stored.ToArray(), bytes);
    }

    public static List<RunEvent> Unpack(byte[] stored)
    {
        if (stored is not [0x1f, 0x8b, ..]) return EventNdjson.Read(stored);
        using var gzip = new GZipStream(new MemoryStream(stored), CompressionMode.Decompress);
        using var ndjson = new MemoryStream(stored.Length * 4);
        gzip.CopyTo(ndjson);
        return EventNdjson.Read(ndjson.GetBuffer().AsSpan(0, (int)ndjson.Length));
    }
}

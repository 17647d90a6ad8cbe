using System.Text;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Server.Storage;

namespace IpcPlayground.UnitTests;

/// <summary>Recorded runs are stored compressed when large and read back as the same events, old uncompressed records too.</summary>
public sealed class RecordedEventsTests
{
    private static List<RunEvent> Events(int reads) =>
    [
        new RunStartEvent { RunId = "r", Name = "big", Sandbox = "bubblewrap", TimeoutMs = 1000 },
        .. Enumerable.Range(0, reads).Select(i => (RunEvent)new SyscallEvent { RunId = "r", Process = "p", Op = "read", Result = 4096, Data = new string('x', 4096), Seq = i + 1 }),
        new RunEndEvent { RunId = "r", Status = "completed", Seq = reads + 1 },
    ];

    [Fact]
    public void A_large_record_is_stored_gzip_compressed_and_reads_back_as_the_same_events()
    {
        var events = Events(100);
        var (stored, bytes) = RecordedEvents.Pack(events, expectedBytes: 500_000, compressAboveBytes: 64 << 10);

        Assert.Equal([0x1f, 0x8b], stored[..2]);
        Assert.InRange(stored.Length, 1, bytes / 10);
        Assert.Equal(Ndjson(events), Ndjson(RecordedEvents.Unpack(stored)));
        Assert.Equal(Encoding.UTF8.GetByteCount(Ndjson(events)), bytes);
    }

    [Fact]
    public void A_small_record_and_one_stored_before_compression_are_plain_NDJSON()
    {
        var events = Events(2);
        var (stored, bytes) = RecordedEvents.Pack(events, expectedBytes: 9000, compressAboveBytes: 64 << 10);

        Assert.Equal(Ndjson(events), Encoding.UTF8.GetString(stored));
        Assert.Equal(stored.Length, bytes);
        Assert.Equal(Ndjson(events), Ndjson(RecordedEvents.Unpack(Encoding.UTF8.GetBytes(Ndjson(events)))));
    }

    private static string Ndjson(IEnumerable<RunEvent> events)
    {
        using var output = new MemoryStream();
        EventNdjson.WriteTo(output, events);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}

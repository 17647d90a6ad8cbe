namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>
/// A pipe's (or FIFO's) buffer as Linux keeps it: a ring of page-sized slots. A write of up to a page merges into
/// the last page when the pipe is not empty and it fits there, else takes a new slot; a read takes bytes across
/// pages and frees each page it empties. The capacity is in slots (F_SETPIPE_SZ rounds up to a power of two pages).
/// </summary>
internal sealed class PipeBuffer(int capacityBytes)
{
    public const int Page = 4096;
    private readonly LinkedList<List<byte>> _pages = new();

    public int Slots { get; } = Math.Max(1, RoundUpToPowerOfTwo((capacityBytes + Page - 1) / Page));
    public int CapacityBytes => Slots * Page;
    public int Buffered => _pages.Sum(p => p.Count);
    public int FreeSlots => Slots - _pages.Count;

    /// <summary>Whether the whole write goes in now (all its pages), without waiting for a reader.</summary>
    public bool Fits(int n) => PagesNeeded(n) <= FreeSlots;

    /// <summary>Pages a write of <paramref name="n"/> bytes takes beyond what merges into the last page.</summary>
    private int PagesNeeded(int n)
    {
        var remainder = n % Page;
        var merges = remainder > 0 && _pages.Count > 0 && _pages.Last!.Value.Count + remainder <= Page;
        var rest = merges ? n - remainder : n;
        return (rest + Page - 1) / Page;
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        var remainder = data.Length % Page;
        if (remainder > 0 && _pages.Count > 0 && _pages.Last!.Value.Count + remainder <= Page)
        {
            _pages.Last.Value.AddRange(data[..remainder].ToArray());
            data = data[remainder..];
        }
        for (var at = 0; at < data.Length; at += Page)
            _pages.AddLast(data.Slice(at, Math.Min(Page, data.Length - at)).ToArray().ToList());
    }

    /// <summary>A blocked write of at most a page, let go once a slot is free: it always takes a new page.</summary>
    public void WriteIntoNewPage(ReadOnlySpan<byte> data) => _pages.AddLast(data.ToArray().ToList());

    public byte[] Read(int max)
    {
        var taken = new List<byte>();
        while (taken.Count < max && _pages.First is { } first)
        {
            var chunk = Math.Min(max - taken.Count, first.Value.Count);
            taken.AddRange(first.Value.GetRange(0, chunk));
            first.Value.RemoveRange(0, chunk);
            if (first.Value.Count == 0) _pages.RemoveFirst();
        }
        return [.. taken];
    }

    public void Clear() => _pages.Clear();

    private static int RoundUpToPowerOfTwo(int n)
    {
        var power = 1;
        while (power < n) power <<= 1;
        return power;
    }
}

/// <summary>
/// Bytes in flight in one direction of a stream socket, as separate writes (chunks): a Unix socket's reader takes
/// bytes across chunks as a pipe's does; for TCP the generator only reads within the first chunk, since a later
/// chunk may still be on its way through the loopback device.
/// </summary>
internal sealed class StreamBuffer
{
    private readonly LinkedList<List<byte>> _chunks = new();

    public int Buffered => _chunks.Sum(c => c.Count);
    public int FirstChunk => _chunks.First?.Value.Count ?? 0;
    public int Chunks => _chunks.Count;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.Length > 0) _chunks.AddLast(data.ToArray().ToList());
    }

    public byte[] Read(int max)
    {
        var taken = new List<byte>();
        while (taken.Count < max && _chunks.First is { } first)
        {
            var chunk = Math.Min(max - taken.Count, first.Value.Count);
            taken.AddRange(first.Value.GetRange(0, chunk));
            first.Value.RemoveRange(0, chunk);
            if (first.Value.Count == 0) _chunks.RemoveFirst();
        }
        return [.. taken];
    }
}

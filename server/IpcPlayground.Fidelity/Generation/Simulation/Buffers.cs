namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>Bytes queued as separate chunks (a pipe's pages, a socket's writes); a read takes across chunks.</summary>
internal sealed class ChunkedBytes
{
    private readonly LinkedList<List<byte>> _chunks = new();

    public int Count => _chunks.Count;
    public int Buffered => _chunks.Sum(c => c.Count);
    public int First => _chunks.First?.Value.Count ?? 0;
    public int Last => _chunks.Last?.Value.Count ?? 0;

    public void Add(ReadOnlySpan<byte> chunk) => _chunks.AddLast([.. chunk]);

    public void AppendToLast(ReadOnlySpan<byte> bytes) => _chunks.Last!.Value.AddRange(bytes.ToArray());

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

    public void Clear() => _chunks.Clear();
}

/// <summary>
/// A pipe's (or FIFO's) buffer as Linux keeps it: a ring of page-sized slots. A write of up to a page merges into
/// the last page when the pipe is not empty and it fits there, else takes a new slot; a read takes bytes across
/// pages and frees each page it empties. The capacity is in slots (F_SETPIPE_SZ rounds up to a power of two pages).
/// </summary>
internal sealed class PipeBuffer(int capacityBytes)
{
    public const int Page = 4096;
    private readonly ChunkedBytes _pages = new();

    public int Slots { get; } = Math.Max(1, RoundUpToPowerOfTwo((capacityBytes + Page - 1) / Page));
    public int CapacityBytes => Slots * Page;
    public int Buffered => _pages.Buffered;
    public int FreeSlots => Slots - _pages.Count;

    /// <summary>Whether the whole write goes in now (all its pages), without waiting for a reader.</summary>
    public bool Fits(int n) => PagesNeeded(n) <= FreeSlots;

    private bool Merges(int remainder) => remainder > 0 && _pages.Count > 0 && _pages.Last + remainder <= Page;

    /// <summary>Pages a write of <paramref name="n"/> bytes takes beyond what merges into the last page.</summary>
    private int PagesNeeded(int n)
    {
        var rest = Merges(n % Page) ? n - n % Page : n;
        return (rest + Page - 1) / Page;
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        var remainder = data.Length % Page;
        if (Merges(remainder))
        {
            _pages.AppendToLast(data[..remainder]);
            data = data[remainder..];
        }
        for (var at = 0; at < data.Length; at += Page) _pages.Add(data.Slice(at, Math.Min(Page, data.Length - at)));
    }

    /// <summary>A blocked write of at most a page, let go once a slot is free: it always takes a new page.</summary>
    public void WriteIntoNewPage(ReadOnlySpan<byte> data) => _pages.Add(data);

    public byte[] Read(int max) => _pages.Read(max);

    public void Clear() => _pages.Clear();

    private static int RoundUpToPowerOfTwo(int n)
    {
        var power = 1;
        while (power < n) power <<= 1;
        return power;
    }
}

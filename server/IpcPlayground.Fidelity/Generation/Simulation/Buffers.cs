namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>Bytes queued as separate chunks (a pipe's pages, a socket's writes); a read takes across chunks.</summary>
internal sealed class ChunkedBytes
{
    private readonly LinkedList<List<byte>> _chunks = new();

    /// <summary>The descriptors some chunks carry (a sendFd's one byte), by chunk.</summary>
    private readonly Dictionary<List<byte>, PassedDescriptor> _passed = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether a chunk still here carries a descriptor.</summary>
    public bool CarriesDescriptors => _passed.Count > 0;

    /// <summary>The descriptors still here, on their way to whoever reads them.</summary>
    public IEnumerable<PassedDescriptor> Passed => _passed.Values;

    /// <summary>The descriptor the first chunk carries, when it is a sendFd's byte.</summary>
    public PassedDescriptor? FirstPassed => _chunks.First is { } first ? _passed.GetValueOrDefault(first.Value) : null;

    /// <summary>The bytes before the first chunk that carries a descriptor; null when none does.</summary>
    public int? BytesBeforePassed
    {
        get
        {
            var before = 0;
            foreach (var chunk in _chunks)
            {
                if (_passed.ContainsKey(chunk)) return before;
                before += chunk.Count;
            }
            return null;
        }
    }

    /// <summary>A sendFd's byte, carrying <paramref name="passed"/>.</summary>
    public void Add(byte b, PassedDescriptor passed)
    {
        var chunk = new List<byte> { b };
        _chunks.AddLast(chunk);
        _passed[chunk] = passed;
    }

    /// <summary>What a receiveFd of one byte takes: the first byte, and the descriptor its chunk carried, if any.</summary>
    public PassedDescriptor? TakeOne()
    {
        if (_chunks.First is not { } first) return null;
        _passed.Remove(first.Value, out var passed);
        first.Value.RemoveAt(0);
        if (first.Value.Count == 0) _chunks.RemoveFirst();
        return passed;
    }

    public int Count => _chunks.Count;
    public int Buffered => _chunks.Sum(c => c.Count);
    public int First => _chunks.First?.Value.Count ?? 0;
    public int Last => _chunks.Last?.Value.Count ?? 0;

    public void Add(ReadOnlySpan<byte> chunk) => _chunks.AddLast([.. chunk]);

    public void AppendToLast(ReadOnlySpan<byte> bytes) => _chunks.Last!.Value.AddRange(bytes.ToArray());

    /// <summary>Takes up to <paramref name="max"/> bytes; a descriptor a taken chunk carried is closed (read(2) and recv(2) have no room for it).</summary>
    public byte[] Read(int max)
    {
        var taken = new List<byte>();
        while (taken.Count < max && _chunks.First is { } first)
        {
            var chunk = Math.Min(max - taken.Count, first.Value.Count);
            taken.AddRange(first.Value.GetRange(0, chunk));
            first.Value.RemoveRange(0, chunk);
            if (first.Value.Count == 0)
            {
                _passed.Remove(first.Value);
                _chunks.RemoveFirst();
            }
        }
        return [.. taken];
    }

    /// <summary>A receiveFd on a message socket: the whole first message goes (what does not fit is lost), with the descriptor it carried.</summary>
    public PassedDescriptor? TakeMessage()
    {
        if (_chunks.First is not { } first) return null;
        _passed.Remove(first.Value, out var passed);
        _chunks.RemoveFirst();
        return passed;
    }

    public void Clear()
    {
        _chunks.Clear();
        _passed.Clear();
    }
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

using System.Numerics;
using System.Runtime.InteropServices;

namespace IpcPlayground.Worker.Measuring;

/// <summary>
/// What a loop's two processes leave in shared memory: the timed span and a log-linear latency histogram (64 exact
/// buckets, then 32 per power of two: within 1.6%). Laid out, filled and read as the C reference's results_t.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LoopResults
{
    public const int Buckets = 1280;

    public long T0, T1, Count;
    private fixed long _buckets[Buckets];

    public void Record(long ns)
    {
        _buckets[BucketOf(ns)]++;
        Count++;
    }

    /// <summary>The middle of the bucket that holds the sample of this rank (per mille: 500 is the median).</summary>
    public readonly long Percentile(int perMille)
    {
        var rank = Math.Max(1, (Count * perMille + 999) / 1000);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += _buckets[i];
            if (seen >= rank) return BucketValue(i);
        }
        return 0;
    }

    public static int BucketOf(long ns)
    {
        if (ns < 64) return ns < 0 ? 0 : (int)ns;
        var e = 63 - BitOperations.LeadingZeroCount((ulong)ns);
        var i = 64 + (e - 6) * 32 + (int)((ns >> (e - 5)) & 31);
        return Math.Min(i, Buckets - 1);
    }

    public static long BucketValue(int i)
    {
        if (i < 64) return i;
        int e = (i - 64) / 32 + 6, m = (i - 64) % 32;
        return ((32L + m) << (e - 5)) + (1L << (e - 5)) / 2;
    }
}

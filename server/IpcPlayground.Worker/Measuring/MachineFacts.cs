using System.Runtime.InteropServices;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Measuring;

/// <summary>What the loops run on: the CPUs the sandbox may use, their model, the kernel, and memcpy's speed at each size.</summary>
internal static unsafe class MachineFacts
{
    public static MachineFrame Describe(IEnumerable<int> sizes) => new()
    {
        Cpus = CpuPlacement.Allowed().Count,
        CpuModel = CpuModel(),
        Kernel = ReadLine("/proc/sys/kernel/osrelease"),
        MemcpyBytesPerSecond = sizes.Distinct().Order().ToDictionary(size => size, MemcpyBytesPerSecond),
    };

    /// <summary>
    /// memcpy of <paramref name="size"/>-byte messages into successive slots of a ring-sized region, as the shared
    /// memory ring copies them, for about 20 ms: the most one copy a message can do here.
    /// </summary>
    public static double MemcpyBytesPerSecond(int size)
    {
        var (stride, slots) = ShmRing.Geometry(size);
        var source = (byte*)NativeMemory.Alloc((nuint)size);
        var ring = (byte*)NativeMemory.Alloc((nuint)(stride * slots));
        try
        {
            new Span<byte>(source, size).Fill((byte)'x');
            for (long i = 0; i < slots; i++) MeasureLibc.MemCpy(ring + i * stride, source, size);
            long copies = 0, start = MonotonicClock.Now(), elapsed;
            do
            {
                for (var i = 0; i < 64; i++, copies++) MeasureLibc.MemCpy(ring + copies % slots * stride, source, size);
                elapsed = MonotonicClock.Now() - start;
            }
            while (elapsed < 20_000_000);
            return copies * (double)size * 1e9 / elapsed;
        }
        finally
        {
            NativeMemory.Free(source);
            NativeMemory.Free(ring);
        }
    }

    private static string? CpuModel()
    {
        try { return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim(); }
        catch (IOException) { return null; }
    }

    private static string? ReadLine(string path)
    {
        try { return File.ReadAllText(path).Trim(); }
        catch (IOException) { return null; }
    }
}

using System.Numerics;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Worker.Measuring;

/// <summary>
/// The CPUs a loop's two processes are pinned to (-1: left to the scheduler), from the CPUs the sandbox may use:
/// "same" puts both on the first, "different" the parent on the first and the child on the second. A reason instead
/// when there are no two CPUs to differ.
/// </summary>
internal readonly unsafe record struct CpuPlacement(int ParentCpu, int ChildCpu, string? Reason = null)
{
    public static CpuPlacement Of(string cpus)
    {
        if (cpus == CpuPlacements.Any) return new(-1, -1);
        var allowed = Allowed();
        var first = allowed.Count > 0 ? allowed[0] : 0;
        if (cpus == CpuPlacements.Same) return new(first, first);
        return allowed.Count < 2
            ? new(-1, -1, "the sandbox may use one CPU only: there are no two different CPUs to place the processes on")
            : new(first, allowed[1]);
    }

    /// <summary>The CPUs this process may run on (sched_getaffinity), in order.</summary>
    public static List<int> Allowed()
    {
        var mask = stackalloc ulong[16];
        if (MeasureLibc.SchedGetAffinity(0, 16 * sizeof(ulong), mask) != 0) throw new MeasureFailedException("sched_getaffinity");
        var cpus = new List<int>();
        for (var word = 0; word < 16; word++)
            for (var bits = mask[word]; bits != 0; bits &= bits - 1)
                cpus.Add(word * 64 + BitOperations.TrailingZeroCount(bits));
        return cpus;
    }

    /// <summary>Pins the calling process to <paramref name="cpu"/> (nothing for -1). Called in forked loop processes: no allocation.</summary>
    public static void Pin(int cpu)
    {
        if (cpu < 0) return;
        var mask = stackalloc ulong[16];
        new Span<ulong>(mask, 16).Clear();
        mask[cpu / 64] = 1UL << (cpu % 64);
        if (MeasureLibc.SchedSetAffinity(0, 16 * sizeof(ulong), mask) != 0) MeasureChannel.Die("sched_setaffinity");
    }
}

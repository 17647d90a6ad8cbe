using System.Globalization;

namespace IpcPlayground.Benchmarks.WorkshopLoad;

/// <summary>The whole machine's CPU use between two readings of /proc/stat, and the 1-minute load average.</summary>
public sealed class MachineLoad
{
    private readonly (long Busy, long Total) _start = Read();

    /// <summary>Busy share of all cores since this was made, in percent.</summary>
    public double CpuPercent()
    {
        var now = Read();
        var total = now.Total - _start.Total;
        return total == 0 ? 0 : 100.0 * (now.Busy - _start.Busy) / total;
    }

    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    private static (long Busy, long Total) Read()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        return (total - fields[3] - fields[4], total);
    }
}

using System.Globalization;

namespace IpcPlayground.Benchmarks.WorkshopLoad;

/// <summary>
/// CPU use since this was made, as a share of all cores: the whole machine's (/proc/stat) and this process's with its
/// finished children, the sandboxes (/proc/self/stat), so what others ran on a shared machine shows as the difference.
/// </summary>
public sealed class MachineLoad
{
    private readonly (long Busy, long Total) _start = Read();
    private readonly long _ownStart = ReadOwn();

    /// <summary>Busy share of all cores since this was made, in percent.</summary>
    public double CpuPercent()
    {
        var now = Read();
        var total = now.Total - _start.Total;
        return total == 0 ? 0 : 100.0 * (now.Busy - _start.Busy) / total;
    }

    /// <summary>This process's share (servers, clients and the sandboxes they waited for), in percent of all cores.</summary>
    public double OwnCpuPercent()
    {
        var total = Read().Total - _start.Total;
        return total == 0 ? 0 : 100.0 * (ReadOwn() - _ownStart) / total;
    }

    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    private static long ReadOwn()
    {
        // pid (comm) state ... utime stime cutime cstime are fields 14-17; comm may hold spaces, so count after ')'.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[11..15].Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
    }

    private static (long Busy, long Total) Read()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        return (total - fields[3] - fields[4], total);
    }
}

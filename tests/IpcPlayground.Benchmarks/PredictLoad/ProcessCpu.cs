using System.Globalization;

namespace IpcPlayground.Benchmarks.PredictLoad;

/// <summary>CPU time from /proc, in seconds: of one process, and of a process with everything under it (a server and its sandboxes).</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ: 100 on every Linux this runs on

    /// <summary>The process's own CPU time (user and system).</summary>
    public static double Of(int pid) => Read(pid) is { } stat ? (stat.Own) / TicksPerSecond : 0;

    /// <summary>
    /// The CPU time of <paramref name="root"/> and every process under it: each living one's own and that of the
    /// children it has reaped, so a process that ends between two looks still counts (in its parent's).
    /// </summary>
    public static double TreeOf(int root)
    {
        var stats = Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? Read(pid) : null)
            .OfType<Stat>().ToList();
        var children = stats.ToLookup(s => s.Parent);
        var total = 0L;
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            if (stats.Find(s => s.Pid == pid) is { } stat) total += stat.Own + stat.Reaped;
            foreach (var child in children[pid]) pending.Push(child.Pid);
        }
        return total / TicksPerSecond;
    }

    private sealed record Stat(int Pid, int Parent, long Own, long Reaped);

    private static Stat? Read(int pid)
    {
        try
        {
            // pid (comm) state ppid ... utime stime cutime cstime are fields 14-17; comm may hold spaces, so count after ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return new Stat(pid, (int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile
        }
    }

    /// <summary>Memory the kernel could still hand out (MemAvailable of /proc/meminfo), in bytes.</summary>
    public static long MemoryAvailable()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}

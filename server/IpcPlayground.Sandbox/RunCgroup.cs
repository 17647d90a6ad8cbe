using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IpcPlayground.Sandbox;

/// <summary>
/// The cgroups that bound one run's processes and memory: cgroup v2 (one directory with pids.max and memory.max) or
/// v1 (a directory in the pids and in the memory hierarchy). The sandbox joins them before bwrap runs, so every
/// process of the run is inside from its first instruction. Removed when the run is over.
/// </summary>
public sealed class RunCgroup : IAsyncDisposable
{
    private readonly List<string> _directories;
    private ILogger _logger = NullLogger.Instance;

    private RunCgroup(string version, List<string> directories, IReadOnlyList<string> enforced)
    {
        Version = version;
        _directories = directories;
        Enforced = enforced;
    }

    public string Version { get; }

    /// <summary>The <c>cgroup.procs</c> files a process writes its pid to, to join.</summary>
    public IEnumerable<string> ProcsFiles => _directories.Select(d => Path.Combine(d, "cgroup.procs"));

    public IReadOnlyList<string> Enforced { get; }

    /// <summary>
    /// Creates the run's cgroups, or returns null with the reason when this host offers none we can write.
    /// <paramref name="cpuPercent"/>: the CPU cap, when not <see cref="SandboxOptions.CpuPercent"/> (a measurement's).
    /// </summary>
    public static (RunCgroup? Cgroup, string? Problem) Create(SandboxOptions options, string runId, ILogger? logger = null, int? cpuPercent = null)
    {
        var (cgroup, problem) = CreateDirectories(options, runId, cpuPercent ?? options.CpuPercent);
        if (cgroup is not null) cgroup._logger = logger ?? NullLogger.Instance;
        else if (logger is not null) SandboxLog.NoCgroup(logger, runId, problem!);
        return (cgroup, problem);
    }

    private static (RunCgroup? Cgroup, string? Problem) CreateDirectories(SandboxOptions options, string runId, int cpuPercent)
    {
        var root = options.CgroupRoot;
        var name = NameOf(runId);
        var processes = options.MaxProcesses.ToString(CultureInfo.InvariantCulture);
        var memory = options.MemoryBytes.ToString(CultureInfo.InvariantCulture);
        var cpuBound = cpuPercent > 0;
        var cpuQuota = (cpuPercent * (CpuPeriodUs / 100)).ToString(CultureInfo.InvariantCulture);
        var period = CpuPeriodUs.ToString(CultureInfo.InvariantCulture);
        string[] enforced = [$"cgroup:pids.max={processes}", $"cgroup:memory={memory}", .. cpuBound ? [$"cgroup:cpu={cpuPercent}%"] : Array.Empty<string>()];
        try
        {
            var controllers = Path.Combine(root, "cgroup.controllers");
            if (File.Exists(controllers) && File.ReadAllText(controllers).Split(' ', '\n') is var available &&
                available.Contains("pids") && available.Contains("memory"))
            {
                var parent = Path.Combine(root, "ipcplay");
                Directory.CreateDirectory(parent);
                var withCpu = cpuBound && available.Contains("cpu");
                var enabled = withCpu ? "+pids +memory +cpu" : "+pids +memory";
                File.WriteAllText(Path.Combine(root, "cgroup.subtree_control"), enabled);
                File.WriteAllText(Path.Combine(parent, "cgroup.subtree_control"), enabled);
                var dir = Directory.CreateDirectory(Path.Combine(parent, name)).FullName;
                File.WriteAllText(Path.Combine(dir, "pids.max"), processes);
                File.WriteAllText(Path.Combine(dir, "memory.max"), memory);
                File.WriteAllText(Path.Combine(dir, "memory.swap.max"), "0");
                if (withCpu) File.WriteAllText(Path.Combine(dir, "cpu.max"), $"{cpuQuota} {period}");
                return (new RunCgroup("v2", [dir], [.. enforced.Where(e => withCpu || !e.StartsWith("cgroup:cpu", StringComparison.Ordinal)).Select(e => e + " (v2)")]), null);
            }
            var pids = Path.Combine(root, "pids");
            var mem = Path.Combine(root, "memory");
            if (Directory.Exists(pids) && Directory.Exists(mem))
            {
                var pidsDir = Directory.CreateDirectory(Path.Combine(pids, "ipcplay", name)).FullName;
                var memDir = Directory.CreateDirectory(Path.Combine(mem, "ipcplay", name)).FullName;
                File.WriteAllText(Path.Combine(pidsDir, "pids.max"), processes);
                File.WriteAllText(Path.Combine(memDir, "memory.limit_in_bytes"), memory);
                // With swap accounting on, memory+swap gets the same bound, so a run cannot swap its way past it.
                var withSwap = Path.Combine(memDir, "memory.memsw.limit_in_bytes");
                if (File.Exists(withSwap)) File.WriteAllText(withSwap, memory);
                List<string> directories = [pidsDir, memDir];
                var cpu = Path.Combine(root, "cpu");
                var withCpu = cpuBound && Directory.Exists(cpu);
                if (withCpu)
                {
                    var cpuDir = Directory.CreateDirectory(Path.Combine(cpu, "ipcplay", name)).FullName;
                    File.WriteAllText(Path.Combine(cpuDir, "cpu.cfs_period_us"), period);
                    File.WriteAllText(Path.Combine(cpuDir, "cpu.cfs_quota_us"), cpuQuota);
                    directories.Add(cpuDir);
                }
                return (new RunCgroup("v1", directories, [.. enforced.Where(e => withCpu || !e.StartsWith("cgroup:cpu", StringComparison.Ordinal)).Select(e => e + " (v1)")]), null);
            }
            return (null, $"no writable cgroup hierarchy with pids and memory controllers under {root}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot create cgroups under {root}: {e.Message}");
        }
    }

    /// <summary>Which limits the run ran into: the pids and memory controllers count refusals and OOM kills.</summary>
    public IReadOnlyList<(string Limit, string Message)> LimitsHit()
    {
        var hit = new List<(string, string)>();
        foreach (var dir in _directories)
        {
            if (Counter(dir, "pids.events", "max") > 0)
                hit.Add(("processes", $"a fork was refused: the run may have at most {Read(dir, "pids.max")} processes"));
            if (Counter(dir, Version == "v2" ? "memory.events" : "memory.oom_control", "oom_kill") > 0)
                hit.Add(("memory", "a process was killed for using more memory than the run may"));
        }
        return hit;
    }

    private static long Counter(string dir, string file, string key)
    {
        var path = Path.Combine(dir, file);
        if (!File.Exists(path)) return 0;
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var n)) return n;
        }
        return 0;
    }

    private static string Read(string dir, string file) => File.ReadAllText(Path.Combine(dir, file)).Trim();

    /// <summary>
    /// Removes the empty cgroups of runs whose server died before it could (a server killed outright). A cgroup
    /// that still holds a process is not empty, and rmdir leaves it alone.
    /// </summary>
    private static readonly string[] ParentDirectories = ["ipcplay", "pids/ipcplay", "memory/ipcplay", "cpu/ipcplay"];

    /// <summary>The scheduling period the CPU quota is a share of: 100 ms, the kernel's default.</summary>
    private const int CpuPeriodUs = 100_000;

    /// <summary>A run's cgroup is named for the run and the server process that made it: <c>ipcplay-{runId}.{pid}</c>.</summary>
    public static string NameOf(string runId) => $"ipcplay-{runId}.{Environment.ProcessId}";

    /// <summary>
    /// Removes the run cgroups whose server process is gone (and that are empty: the kernel refuses the rest). A
    /// living server's may not be touched: another instance on this host may have just made one for a run it has not
    /// started yet, and it would fail to join it.
    /// </summary>
    /// <returns>How many were removed.</returns>
    public static int RemoveLeftovers(SandboxOptions options)
    {
        var removed = 0;
        foreach (var parent in ParentDirectories.Select(p => Path.Combine(options.CgroupRoot, p)))
        {
            if (!Directory.Exists(parent)) continue;
            foreach (var dir in Directory.EnumerateDirectories(parent, "ipcplay-*"))
            {
                if (ServerOf(dir) is { } pid && Directory.Exists($"/proc/{pid}")) continue;
                // A cgroup that still holds a process is not empty (EBUSY); it goes at a later start.
                try
                {
                    Directory.Delete(dir);
                    removed++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
        return removed;
    }

    private static int? ServerOf(string directory) =>
        Path.GetExtension(directory) is [_, .. var digits] && int.TryParse(digits, CultureInfo.InvariantCulture, out var pid) ? pid : null;

    /// <summary>SIGKILL to every process still in the run's cgroups, wherever it is in the tree.</summary>
    public void KillAll()
    {
        foreach (var procs in ProcsFiles)
        {
            try
            {
                foreach (var line in File.ReadAllLines(procs))
                    if (int.TryParse(line, CultureInfo.InvariantCulture, out var pid))
                        // A process that exited since the file was read is no error.
                        try { System.Diagnostics.Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
            }
            catch (IOException e)
            {
                SandboxLog.CgroupUnreadable(_logger, procs, e);
            }
        }
    }

    /// <summary>
    /// Removes the directories; a cgroup goes only once empty, so this waits briefly for the last exit — without
    /// holding a thread: at a room's rate of runs, sleeping thread-pool threads starved the event stream.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var dir in _directories)
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Directory.Delete(dir);
                    break;
                }
                catch (DirectoryNotFoundException) { break; }
                catch (IOException) when (attempt < 50) { await Task.Delay(20); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    SandboxLog.CgroupLeftBehind(_logger, dir, e.Message);
                    break;
                }
            }
    }
}

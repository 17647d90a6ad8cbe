using IpcPlayground.Sandbox;

namespace IpcPlayground.UnitTests;

/// <summary>
/// The cgroup v2 and v1 layouts, against a fake cgroupfs in a temporary directory (this machine's real hierarchy is
/// v1, which the integration tests exercise). Checks which files are written and how limit counters are read.
/// </summary>
public sealed class RunCgroupTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cgroupfs-");

    private SandboxOptions Options => WithCpu(100);

    private SandboxOptions WithCpu(int percent) => new() { CgroupRoot = _root.FullName, MaxProcesses = 32, MemoryBytes = 64 << 20, CpuPercent = percent };

    [Fact]
    public void On_a_v2_hierarchy_one_directory_gets_pids_max_and_memory_max()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "cgroup.controllers"), "cpuset cpu io memory pids\n");

        var (cgroup, problem) = RunCgroup.Create(Options, "r1");

        Assert.Null(problem);
        Assert.Equal("v2", cgroup!.Version);
        var dir = Path.Combine(_root.FullName, "ipcplay", RunCgroup.NameOf("r1"));
        Assert.Equal("32", File.ReadAllText(Path.Combine(dir, "pids.max")));
        Assert.Equal((64 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(dir, "memory.max")));
        Assert.Equal("+pids +memory +cpu", File.ReadAllText(Path.Combine(_root.FullName, "ipcplay", "cgroup.subtree_control")));
        Assert.Equal("100000 100000", File.ReadAllText(Path.Combine(dir, "cpu.max")));
        Assert.Contains("cgroup:cpu=100% (v2)", cgroup.Enforced);
        Assert.Equal([Path.Combine(dir, "cgroup.procs")], cgroup.ProcsFiles);
        Assert.Contains("cgroup:pids.max=32 (v2)", cgroup.Enforced);

        File.WriteAllText(Path.Combine(dir, "pids.events"), "max 3\n");
        File.WriteAllText(Path.Combine(dir, "memory.events"), "low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\n");
        Assert.Equal(["processes", "memory"], cgroup.LimitsHit().Select(h => h.Limit));
    }

    [Fact]
    public void A_measurement_sandbox_gets_two_CPUs_worth_so_its_two_loop_processes_are_not_throttled_by_a_runs_cap()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "cgroup.controllers"), "cpuset cpu io memory pids\n");
        var options = Options;

        var (cgroup, _) = RunCgroup.Create(options, "m1", cpuPercent: options.MeasureCpuPercent);

        Assert.Equal("200000 100000", File.ReadAllText(Path.Combine(_root.FullName, "ipcplay", RunCgroup.NameOf("m1"), "cpu.max")));
        Assert.Contains("cgroup:cpu=200% (v2)", cgroup!.Enforced);
    }

    [Fact]
    public void On_a_v1_hierarchy_the_pids_and_memory_trees_each_get_a_directory()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "pids"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "memory"));

        var (cgroup, _) = RunCgroup.Create(Options, "r2");

        Assert.Equal("v1", cgroup!.Version);
        Assert.Equal("32", File.ReadAllText(Path.Combine(_root.FullName, "pids", "ipcplay", RunCgroup.NameOf("r2"), "pids.max")));
        Assert.Equal((64 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
            File.ReadAllText(Path.Combine(_root.FullName, "memory", "ipcplay", RunCgroup.NameOf("r2"), "memory.limit_in_bytes")));
        Assert.Empty(cgroup.LimitsHit());
    }

    [Fact]
    public void On_a_v1_hierarchy_with_a_cpu_tree_the_run_gets_a_CFS_quota_in_percent_of_one_CPU()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "pids"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "memory"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "cpu"));

        var (cgroup, _) = RunCgroup.Create(WithCpu(150), "r4");

        var dir = Path.Combine(_root.FullName, "cpu", "ipcplay", RunCgroup.NameOf("r4"));
        Assert.Equal("100000", File.ReadAllText(Path.Combine(dir, "cpu.cfs_period_us")));
        Assert.Equal("150000", File.ReadAllText(Path.Combine(dir, "cpu.cfs_quota_us")));
        Assert.Contains(Path.Combine(dir, "cgroup.procs"), cgroup!.ProcsFiles);
        Assert.Contains("cgroup:cpu=150% (v1)", cgroup.Enforced);
    }

    [Fact]
    public void A_cpu_bound_of_0_writes_no_quota()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "cgroup.controllers"), "cpu memory pids\n");

        var (cgroup, _) = RunCgroup.Create(WithCpu(0), "r5");

        Assert.False(File.Exists(Path.Combine(_root.FullName, "ipcplay", RunCgroup.NameOf("r5"), "cpu.max")));
        Assert.DoesNotContain(cgroup!.Enforced, e => e.StartsWith("cgroup:cpu", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_usable_hierarchy_it_says_why()
    {
        var (cgroup, problem) = RunCgroup.Create(Options, "r3");
        Assert.Null(cgroup);
        Assert.Contains("no writable cgroup hierarchy", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void At_start_only_the_cgroups_of_dead_servers_are_removed_not_one_a_living_server_has_just_made()
    {
        var parent = Directory.CreateDirectory(Path.Combine(_root.FullName, "pids", "ipcplay")).FullName;
        var living = Directory.CreateDirectory(Path.Combine(parent, RunCgroup.NameOf("new"))).FullName;
        // pid_max is at most 2^22: no process has this id.
        var dead = Directory.CreateDirectory(Path.Combine(parent, "ipcplay-old.99999999")).FullName;
        var older = Directory.CreateDirectory(Path.Combine(parent, "ipcplay-unnamed")).FullName;

        RunCgroup.RemoveLeftovers(Options);

        Assert.True(Directory.Exists(living));
        Assert.False(Directory.Exists(dead));
        Assert.False(Directory.Exists(older));
    }

    public void Dispose() => _root.Delete(recursive: true);
}

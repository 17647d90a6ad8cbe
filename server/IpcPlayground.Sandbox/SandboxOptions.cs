using System.ComponentModel.DataAnnotations;

namespace IpcPlayground.Sandbox;

/// <summary>How runs are sandboxed (configuration section <c>Sandbox</c>).</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Only <c>bubblewrap</c> is offered: the server refuses to run experiments unsandboxed.</summary>
    [Required, RegularExpression("^bubblewrap$", ErrorMessage = "Sandbox:Kind must be 'bubblewrap'; this server never runs experiments unsandboxed.")]
    public string Kind { get; set; } = "bubblewrap";

    [Required]
    public string BubblewrapPath { get; set; } = "/usr/bin/bwrap";

    /// <summary>The NativeAOT worker; by default the one the build placed beside the server.</summary>
    public string? WorkerPath { get; set; }

    [Range(1, 65535)]
    public int Uid { get; set; } = 1000;

    [Range(1, 65535)]
    public int Gid { get; set; } = 1000;

    /// <summary>Size of each of the sandbox's private tmpfs mounts: /tmp, /sandbox and /dev/shm.</summary>
    [Range(1 << 20, 1L << 32)]
    public long TmpfsBytes { get; set; } = 16 << 20;

    /// <summary>Most processes in one sandbox at once (cgroup pids.max): supervisor, workers, and bwrap's init.</summary>
    [Range(4, 4096)]
    public int MaxProcesses { get; set; } = 64;

    /// <summary>Memory of one sandbox, page cache and shared memory included (cgroup memory limit).</summary>
    [Range(16L << 20, 1L << 40)]
    public long MemoryBytes { get; set; } = 512L << 20;

    /// <summary>CPU seconds each process of a run may use (RLIMIT_CPU); past it the kernel sends SIGXCPU.</summary>
    [Range(1, 3600)]
    public int CpuSecondsPerProcess { get; set; } = 10;

    /// <summary>
    /// CPU time all processes of a run may use together, in percent of one CPU (cgroup cpu.max on v2, the CFS quota on
    /// v1): a run that spins cannot take more than this from the others. 0 leaves it unbounded.
    /// </summary>
    [Range(0, 6400)]
    public int CpuPercent { get; set; } = 100;

    /// <summary>
    /// The same cap for a measurement's sandbox: two CPUs' worth, because a loop's two processes run at once (a stream's
    /// sender and receiver, a ring's spinning sides); under one CPU's cap they would measure the cap, not the kernel.
    /// A measurement is short (its matrix has a time budget) and the server runs one at a time.
    /// </summary>
    [Range(0, 6400)]
    public int MeasureCpuPercent { get; set; } = 200;

    /// <summary>Open descriptors per process (RLIMIT_NOFILE).</summary>
    [Range(64, 65536)]
    public int OpenFiles { get; set; } = 256;

    /// <summary>Bytes all POSIX message queues of a run may hold (RLIMIT_MSGQUEUE; at most the host's hard limit, 800 KiB by default).</summary>
    [Range(8192, 1L << 30)]
    public long PosixQueueBytes { get; set; } = 512 << 10;

    /// <summary>
    /// Install a seccomp filter in every process of a run: a deny-list that keeps all IPC of the contract and refuses
    /// ptrace, namespaces, mounts, keyrings, BPF, perf, io_uring and the like (see the worker's Native/seccomp_filter.c).
    /// </summary>
    public bool Seccomp { get; set; } = true;

    /// <summary>
    /// When the server runs as root, each sandbox runs as its own unprivileged host uid, lent from the pool of
    /// <see cref="HostUidPoolSize"/> uids from <see cref="HostUidPoolStart"/>: the kernel's per-user limits (POSIX
    /// queue bytes, pipe pages) then belong to one run. These uids must not be anyone's on the host.
    /// </summary>
    [Range(1, int.MaxValue - 65536)]
    public int HostUidPoolStart { get; set; } = 2_000_000_000;

    /// <summary>How many uids the pool lends (at least the runs a host runs at once); 0 runs every sandbox as <see cref="HostUid"/>.</summary>
    [Range(0, 65536)]
    public int HostUidPoolSize { get; set; } = 1024;

    /// <summary>
    /// With the pool off, bwrap is started as this host user (default nobody), so the sandbox's uid maps to an
    /// unprivileged user outside too. 0 keeps root (capabilities are dropped either way), pool or not.
    /// </summary>
    [Range(0, 65535)]
    public int HostUid { get; set; } = 65534;

    [Range(0, 65535)]
    public int HostGid { get; set; } = 65534;

    /// <summary>Refuse to start runs when processes and memory cannot be bounded by a cgroup (v1 or v2).</summary>
    public bool RequireCgroups { get; set; } = true;

    /// <summary>Where the per-run cgroups go; the hierarchy is found under /sys/fs/cgroup.</summary>
    [Required]
    public string CgroupRoot { get; set; } = "/sys/fs/cgroup";

    public string ResolvedWorkerPath => WorkerPath ?? Path.Combine(AppContext.BaseDirectory, "worker", "ipcplay-worker");
}

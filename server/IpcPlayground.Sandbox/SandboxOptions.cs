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

    public string ResolvedWorkerPath => WorkerPath ?? Path.Combine(AppContext.BaseDirectory, "worker", "ipcplay-worker");
}

using System.Globalization;

namespace IpcPlayground.Sandbox;

/// <summary>
/// The bwrap argument list for one run, as a pure function so a unit test can pin it down exactly. New user, IPC,
/// PID, network, UTS and cgroup namespaces; a read-only /usr and worker; private /tmp, /sandbox and /dev/shm; no
/// capabilities; a new session; and the whole sandbox dies with its parent.
/// </summary>
public static class BubblewrapCommand
{
    public const string AppDirectory = "/app";
    public const string WorkerInside = AppDirectory + "/ipcplay-worker";

    public static IReadOnlyList<string> Arguments(SandboxOptions options, string workerDirectory, string supervisorSocket, SandboxProgram program = SandboxProgram.Supervisor) =>
        program == SandboxProgram.Measure
            ? [.. Isolation(options, workerDirectory), WorkerInside, "measure"]
            : [.. Isolation(options, workerDirectory), WorkerInside, "supervise", "--socket", supervisorSocket];

    /// <summary>Everything but the command: the same sandbox for a run, or for a benchmark binary placed in <paramref name="appDirectory"/>.</summary>
    public static IReadOnlyList<string> Isolation(SandboxOptions options, string appDirectory)
    {
        var size = options.TmpfsBytes.ToString(CultureInfo.InvariantCulture);
        return
        [
            "--unshare-user", "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
            "--uid", options.Uid.ToString(CultureInfo.InvariantCulture),
            "--gid", options.Gid.ToString(CultureInfo.InvariantCulture),
            "--hostname", "sandbox",
            "--ro-bind", "/usr", "/usr",
            "--symlink", "usr/lib", "/lib",
            "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin",
            "--symlink", "usr/sbin", "/sbin",
            "--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache",
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", size, "--perms", "1777", "--tmpfs", "/tmp",
            "--size", size, "--perms", "1777", "--tmpfs", "/sandbox",
            "--size", size, "--perms", "1777", "--tmpfs", "/dev/shm",
            "--dir", "/dev/mqueue",
            "--ro-bind", appDirectory, AppDirectory,
            "--chdir", "/sandbox",
            "--clearenv",
            "--setenv", "PATH", "/usr/bin:/bin",
            "--cap-drop", "ALL",
            "--new-session",
            "--die-with-parent",
        ];
    }
}

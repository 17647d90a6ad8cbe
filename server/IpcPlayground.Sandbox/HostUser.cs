using System.Globalization;

namespace IpcPlayground.Sandbox;

/// <summary>
/// Which host user a sandbox runs as. A server running as root starts bwrap through <c>setpriv</c> as an
/// unprivileged user — its own uid of <see cref="HostUidPool"/>, or <c>Sandbox:HostUid</c> when the pool is off —
/// after the sandbox has joined its cgroups (which only root may do), provided that user can reach the worker binary;
/// otherwise the sandbox stays root outside, with every capability dropped, and says so. Disposing gives the uid back.
/// </summary>
public sealed class HostUser : IDisposable
{
    private readonly IDisposable? _lease;

    private HostUser(IReadOnlyList<string> prefix, string enforced, IDisposable? lease = null)
    {
        Prefix = prefix;
        Enforced = enforced;
        _lease = lease;
    }

    /// <summary>What goes before bwrap's path on the command line.</summary>
    public IReadOnlyList<string> Prefix { get; }

    /// <summary>How the run's <c>run-start</c> event names it.</summary>
    public string Enforced { get; }

    /// <summary>Chooses the host user of one sandbox; throws <see cref="SandboxUnavailableException"/> when every uid of the pool is lent.</summary>
    public static HostUser Choose(SandboxOptions options, string workerPath)
    {
        if (Environment.UserName != "root" || options.HostUid == 0)
            return new([], $"host-user:{Environment.UserName}");
        if (!File.Exists("/usr/bin/setpriv"))
            return new([], "host-user:root (setpriv missing)");
        if (!ReachableByOthers(workerPath))
            return new([], "host-user:root (the worker is not readable by other users)");
        if (options.HostUidPoolSize == 0 || !OperatingSystem.IsLinux())
            return As(options.HostUid, options.HostGid, lease: null, "");
        var (uid, lease) = HostUidPool.Rent(options)
            ?? throw new SandboxUnavailableException($"every one of the {options.HostUidPoolSize} host uids of Sandbox:HostUidPoolSize is lent to a running sandbox");
        return As(uid, uid, lease, " (its own)");
    }

    private static HostUser As(int uid, int gid, IDisposable? lease, string note)
    {
        var u = uid.ToString(CultureInfo.InvariantCulture);
        var g = gid.ToString(CultureInfo.InvariantCulture);
        return new(["/usr/bin/setpriv", $"--reuid={u}", $"--regid={g}", "--clear-groups", "--inh-caps=-all", "--"], $"host-user:uid={u}{note}", lease);
    }

    /// <summary>Every directory above the file is searchable, and the file readable and executable, by "others".</summary>
    private static bool ReachableByOthers(string path)
    {
        if (!OperatingSystem.IsLinux()) return false;
        const UnixFileMode file = UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if ((File.GetUnixFileMode(path) & file) != file) return false;
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            if ((File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) == 0) return false;
        return true;
    }

    public void Dispose() => _lease?.Dispose();
}

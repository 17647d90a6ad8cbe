using System.Globalization;

namespace IpcPlayground.Sandbox;

/// <summary>
/// Which host user a sandbox runs as. A server running as root starts bwrap through <c>setpriv</c> as an
/// unprivileged user, after the sandbox has joined its cgroups (which only root may do), provided that user can
/// reach the worker binary; otherwise the sandbox stays root outside, with every capability dropped, and says so.
/// </summary>
public sealed record HostUser(IReadOnlyList<string> Prefix, string Enforced)
{
    public static HostUser Choose(SandboxOptions options, string workerPath)
    {
        if (Environment.UserName != "root" || options.HostUid == 0)
            return new([], $"host-user:{Environment.UserName}");
        if (!File.Exists("/usr/bin/setpriv"))
            return new([], "host-user:root (setpriv missing)");
        if (!ReachableByOthers(workerPath))
            return new([], "host-user:root (the worker is not readable by other users)");
        var uid = options.HostUid.ToString(CultureInfo.InvariantCulture);
        var gid = options.HostGid.ToString(CultureInfo.InvariantCulture);
        return new(["/usr/bin/setpriv", $"--reuid={uid}", $"--regid={gid}", "--clear-groups", "--inh-caps=-all", "--"], $"host-user:uid={uid}");
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
}

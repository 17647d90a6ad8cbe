using System.Diagnostics;

namespace IpcPlayground.Sandbox;

/// <summary>
/// How a sandbox is started, for a run and for anything else that must run exactly as one (the fidelity oracle's C
/// programs): a shell joins the cgroups first, so nothing starts outside them, then becomes bwrap — through setpriv
/// as the unprivileged host user when the server is root.
/// </summary>
public static class SandboxLaunch
{
    /// <summary>Joins the cgroups named in IPCPLAY_CGROUPS, then becomes the command that follows.</summary>
    private const string JoinCgroupsThenExec = "for f in $IPCPLAY_CGROUPS; do echo $$ > \"$f\" || exit 97; done; exec \"$@\"";

    /// <summary>Starts <c>bwrap <paramref name="bubblewrapArguments"/></c>, its output and errors redirected, with an empty environment.</summary>
    public static ProcessStartInfo StartInfo(SandboxOptions options, HostUser hostUser, RunCgroup? cgroup, IEnumerable<string> bubblewrapArguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-c", JoinCgroupsThenExec, "sh", .. hostUser.Prefix, options.BubblewrapPath, .. bubblewrapArguments])
            start.ArgumentList.Add(argument);
        start.Environment.Clear();
        start.Environment["IPCPLAY_CGROUPS"] = string.Join(' ', cgroup?.ProcsFiles ?? []);
        return start;
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Sandbox;

/// <summary>
/// A bubblewrap sandbox per run. bwrap is started from one long-lived thread: <c>--die-with-parent</c> uses
/// PR_SET_PDEATHSIG, which fires when the thread that forked bwrap ends, and thread-pool threads come and go.
/// </summary>
public sealed class BubblewrapSandbox(IOptions<SandboxOptions> options) : ISandbox, IDisposable
{
    private readonly SandboxOptions _options = options.Value;
    private readonly DedicatedThreadLauncher _launcher = new("sandbox-launcher");

    public string Kind => "bubblewrap";

    public IReadOnlyList<string> Enforced { get; } =
    [
        "namespace:user", "namespace:ipc", "namespace:pid", "namespace:net", "namespace:uts", "namespace:mount",
        "capabilities:none", "filesystem:read-only", "tmpfs-size", "die-with-parent", "timeout",
    ];

    public ISandboxedRun Start(string runId)
    {
        var worker = _options.ResolvedWorkerPath;
        if (!File.Exists(_options.BubblewrapPath))
            throw new SandboxUnavailableException($"bubblewrap is not installed at {_options.BubblewrapPath}; install the Debian package 'bubblewrap'.");
        if (!File.Exists(worker))
            throw new SandboxUnavailableException($"the worker binary is missing at {worker}; build the server project to publish it.");

        var start = new ProcessStartInfo(_options.BubblewrapPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in BubblewrapCommand.Arguments(_options, Path.GetDirectoryName(worker)!, $"ipcplay-{runId}"))
            start.ArgumentList.Add(argument);
        start.Environment.Clear();

        try
        {
            var process = _launcher.Run(() => Process.Start(start) ?? throw new SandboxUnavailableException("bwrap did not start"));
            return new ProcessSandboxedRun(process);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SandboxUnavailableException($"could not start bubblewrap: {e.Message}", e);
        }
    }

    public void Dispose() => _launcher.Dispose();
}

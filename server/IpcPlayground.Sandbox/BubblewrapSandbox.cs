using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Sandbox;

/// <summary>
/// A bubblewrap sandbox per run. bwrap is started from one long-lived thread: <c>--die-with-parent</c> uses
/// PR_SET_PDEATHSIG, which fires when the thread that forked bwrap ends, and thread-pool threads come and go.
/// </summary>
public sealed class BubblewrapSandbox : ISandbox, IDisposable
{
    private readonly SandboxOptions _options;
    private readonly ILogger _logger;
    private readonly DedicatedThreadLauncher _launcher = new("sandbox-launcher");

    public BubblewrapSandbox(IOptions<SandboxOptions> options, ILogger<BubblewrapSandbox> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    public string Kind => "bubblewrap";

    private static readonly string[] Isolation =
    [
        "namespace:user", "namespace:ipc", "namespace:pid", "namespace:net", "namespace:uts", "namespace:mount",
        "capabilities:none", "filesystem:read-only", "die-with-parent", "timeout",
    ];

    public async Task<ISandboxedRun> StartAsync(string runId, SandboxProgram program = SandboxProgram.Supervisor)
    {
        var worker = _options.ResolvedWorkerPath;
        if (!File.Exists(_options.BubblewrapPath))
            throw new SandboxUnavailableException($"bubblewrap is not installed at {_options.BubblewrapPath}; install the Debian package 'bubblewrap'.");
        if (!File.Exists(worker))
            throw new SandboxUnavailableException($"the worker binary is missing at {worker}; build the server project to publish it.");

        var (cgroup, problem) = RunCgroup.Create(_options, runId, _logger, program == SandboxProgram.Measure ? _options.MeasureCpuPercent : null);
        if (cgroup is null && _options.RequireCgroups)
            throw new SandboxUnavailableException($"refusing to run without resource limits: {problem} (set Sandbox:RequireCgroups=false to run without them)");

        HostUser hostUser;
        try
        {
            hostUser = HostUser.Choose(_options, worker);
        }
        catch
        {
            if (cgroup is not null) await cgroup.DisposeAsync();
            throw;
        }
        string[] enforced =
        [
            .. Isolation, hostUser.Enforced, .. cgroup?.Enforced ?? ["cgroup:none"],
            $"tmpfs:{_options.TmpfsBytes}B",
        ];
        try
        {
            var start = SandboxLaunch.StartInfo(_options, hostUser, cgroup, BubblewrapCommand.Arguments(_options, Path.GetDirectoryName(worker)!, $"ipcplay-{runId}", program));
            start.RedirectStandardInput = true;
            var process = await _launcher.RunAsync(() => Process.Start(start) ?? throw new SandboxUnavailableException("bwrap did not start"));
            return new ProcessSandboxedRun(process, cgroup, hostUser, enforced);
        }
        catch (Exception e)
        {
            if (cgroup is not null) await cgroup.DisposeAsync();
            hostUser.Dispose();
            if (e is System.ComponentModel.Win32Exception) throw new SandboxUnavailableException($"could not start bubblewrap: {e.Message}", e);
            throw;
        }
    }

    public void Dispose() => _launcher.Dispose();
}

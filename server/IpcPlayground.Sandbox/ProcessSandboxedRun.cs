using System.Diagnostics;
using System.Text;

namespace IpcPlayground.Sandbox;

/// <summary>A sandbox process started by <see cref="BubblewrapSandbox"/>.</summary>
internal sealed class ProcessSandboxedRun : ISandboxedRun
{
    private const int MaxDiagnostics = 8192;
    private readonly Process _process;
    private readonly StringBuilder _diagnostics = new();
    private readonly RunCgroup? _cgroup;
    private readonly HostUser _hostUser;

    public ProcessSandboxedRun(Process process, RunCgroup? cgroup, HostUser hostUser, IReadOnlyList<string> enforced)
    {
        _process = process;
        _cgroup = cgroup;
        _hostUser = hostUser;
        Enforced = enforced;
        HostPid = process.Id;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_diagnostics)
                if (_diagnostics.Length < MaxDiagnostics) _diagnostics.AppendLine(e.Data);
        };
        _process.BeginErrorReadLine();
    }

    public int HostPid { get; }
    public IReadOnlyList<string> Enforced { get; }

    public IReadOnlyList<(string Limit, string Message)> LimitsHit() => _cgroup?.LimitsHit() ?? [];
    public Stream Input => _process.StandardInput.BaseStream;
    public Stream Output => _process.StandardOutput.BaseStream;

    public string Diagnostics
    {
        get { lock (_diagnostics) return _diagnostics.ToString().Trim(); }
    }

    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        _cgroup?.KillAll();
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Kill();
        try { await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (TimeoutException) { }
        _process.Dispose();
        if (_cgroup is not null) await _cgroup.DisposeAsync();
        // Only once every process of the run is gone may another run have its uid.
        _hostUser.Dispose();
    }
}

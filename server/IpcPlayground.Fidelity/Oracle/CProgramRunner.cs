using System.Diagnostics;
using System.Globalization;
using IpcPlayground.Sandbox;

namespace IpcPlayground.Fidelity.Oracle;

/// <summary>What a C program printed and how it ended.</summary>
public sealed record CProgramOutcome(int ExitCode, string Output, string Trace, TimeSpan CompileTime, TimeSpan RunTime);

/// <summary>
/// Compiles an exported C program with gcc (<c>-Wall -Werror</c>: a warning is a fault of the export) and runs it as a
/// run is run: the same bubblewrap namespaces and tmpfs mounts, the same host user, a cgroup of its own with the same
/// process and memory limits, and the rlimits the supervisor sets (through prlimit) — with IPCPLAY_TRACE set, so it
/// writes its trace to standard error.
/// </summary>
public sealed class CProgramRunner(SandboxOptions options)
{
    /// <summary>How long the program may take past its own timeout (it kills its processes at the timeout itself).</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public async Task<CProgramOutcome> CompileAndRunAsync(string source, int timeoutMs, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("ipcplay-fidelity-");
        try
        {
            var clock = Stopwatch.StartNew();
            var compiled = await CompileAsync(source, directory.FullName, cancellationToken);
            var compileTime = clock.Elapsed;
            if (compiled.ExitCode != 0)
                throw new InvalidOperationException($"gcc rejected the exported program:\n{compiled.Errors}");
            clock.Restart();
            var ran = await RunAsync(directory.FullName, timeoutMs, cancellationToken);
            return new CProgramOutcome(ran.ExitCode, ran.Output, ran.Errors, compileTime, clock.Elapsed);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>gcc -Wall -Werror -O1 of the source into <c>experiment</c> in the directory; gcc's exit code and diagnostics.</summary>
    public static async Task<(int ExitCode, string Errors)> CompileAsync(string source, string directory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, "experiment.c");
        await File.WriteAllTextAsync(file, source, cancellationToken);
        var gcc = new ProcessStartInfo("gcc") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-Wall", "-Werror", "-O1", "-o", Path.Combine(directory, "experiment"), file, "-lrt", "-pthread"])
            gcc.ArgumentList.Add(argument);
        var compiled = await ExecAsync(gcc, TimeSpan.FromMinutes(1), null, cancellationToken);
        return (compiled.ExitCode, compiled.Errors);
    }

    /// <summary>Runs the <c>experiment</c> compiled in the directory, in the sandbox; its standard output is its own, its standard error the trace.</summary>
    private async Task<Executed> RunAsync(string directory, int timeoutMs, CancellationToken cancellationToken)
    {
        // The sandbox's unprivileged host user must reach the program inside its /app.
        if (OperatingSystem.IsLinux())
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        // Given back only after the cgroup is gone with every process in it, as a run's is.
        using var hostUser = HostUser.Choose(options, Path.Combine(directory, "experiment"));
        var (cgroup, problem) = RunCgroup.Create(options, "cprogram-" + Path.GetFileName(directory));
        if (cgroup is null && options.RequireCgroups)
            throw new InvalidOperationException($"refusing to run the C program without the run's resource limits: {problem}");
        try
        {
            var start = SandboxLaunch.StartInfo(options, hostUser, cgroup,
            [
                // Not --die-with-parent: it follows the thread that started bwrap, and pool threads retire; the timeout kills it.
                .. BubblewrapCommand.Isolation(options, directory).Where(a => a != "--die-with-parent"),
                "--setenv", "IPCPLAY_TRACE", "1",
                "/usr/bin/prlimit",
                $"--cpu={options.CpuSecondsPerProcess}:{options.CpuSecondsPerProcess}",
                $"--nofile={options.OpenFiles}:{options.OpenFiles}",
                $"--msgqueue={Bytes(options.PosixQueueBytes)}:{Bytes(options.PosixQueueBytes)}",
                BubblewrapCommand.AppDirectory + "/experiment",
            ]);
            return await ExecAsync(start, TimeSpan.FromMilliseconds(timeoutMs) + Grace, cgroup, cancellationToken);
        }
        finally
        {
            if (cgroup is not null) await cgroup.DisposeAsync();
        }
    }

    private static string Bytes(long bytes) => bytes.ToString(CultureInfo.InvariantCulture);

    private sealed record Executed(int ExitCode, string Output, string Errors);

    private static async Task<Executed> ExecAsync(ProcessStartInfo start, TimeSpan timeout, RunCgroup? cgroup, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cgroup?.KillAll();
            await process.WaitForExitAsync(CancellationToken.None);
            if (e is OperationCanceledException) throw;
            throw new TimeoutException($"{Path.GetFileName(start.FileName)} did not finish within {timeout.TotalSeconds:0} s:\n{await output}");
        }
        return new Executed(process.ExitCode, await output, await errors);
    }
}

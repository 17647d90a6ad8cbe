using System.Diagnostics;
using System.Globalization;
using IpcPlayground.Sandbox;

namespace IpcPlayground.Fidelity.Oracle;

/// <summary>What a C program printed and how it ended.</summary>
public sealed record CProgramOutcome(int ExitCode, string Output, string Trace, TimeSpan CompileTime, TimeSpan RunTime);

/// <summary>
/// Compiles an exported C program with gcc (<c>-Wall -Werror</c>: a warning is a fault of the export) and runs it in
/// the bubblewrap sandbox a run gets — the same namespaces, tmpfs mounts and host user, and the same rlimits the
/// supervisor sets (through prlimit) — with IPCPLAY_TRACE set, so it writes its trace to standard error.
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
            // The sandbox's host user (nobody) must reach the program inside its /app.
            if (OperatingSystem.IsLinux())
                File.SetUnixFileMode(directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var file = Path.Combine(directory.FullName, "experiment.c");
            var program = Path.Combine(directory.FullName, "experiment");
            await File.WriteAllTextAsync(file, source, cancellationToken);
            var clock = Stopwatch.StartNew();
            var compiled = await ExecAsync("gcc", ["-Wall", "-Werror", "-O1", "-o", program, file, "-lrt", "-pthread"], TimeSpan.FromMinutes(1), cancellationToken);
            var compileTime = clock.Elapsed;
            if (compiled.ExitCode != 0)
                throw new InvalidOperationException($"gcc rejected the exported program:\n{compiled.Errors}");

            clock.Restart();
            var hostUser = HostUser.Choose(options, program);
            string[] rlimits =
            [
                "/usr/bin/prlimit",
                $"--cpu={options.CpuSecondsPerProcess}:{options.CpuSecondsPerProcess}",
                $"--nofile={options.OpenFiles}:{options.OpenFiles}",
                $"--msgqueue={options.PosixQueueBytes.ToString(CultureInfo.InvariantCulture)}:{options.PosixQueueBytes.ToString(CultureInfo.InvariantCulture)}",
            ];
            // Not --die-with-parent: it follows the thread that started bwrap, and pool threads retire; the timeout below kills it.
            string[] command =
            [
                .. hostUser.Prefix, options.BubblewrapPath,
                .. BubblewrapCommand.Isolation(options, directory.FullName).Where(a => a != "--die-with-parent"),
                "--setenv", "IPCPLAY_TRACE", "1", .. rlimits, BubblewrapCommand.AppDirectory + "/experiment",
            ];
            var ran = await ExecAsync(command[0], command[1..], TimeSpan.FromMilliseconds(timeoutMs) + Grace, cancellationToken);
            return new CProgramOutcome(ran.ExitCode, ran.Output, ran.Errors, compileTime, clock.Elapsed);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed record Executed(int ExitCode, string Output, string Errors);

    private static async Task<Executed> ExecAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (e is OperationCanceledException) throw;
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0} s:\n{await output}");
        }
        return new Executed(process.ExitCode, await output, await errors);
    }
}

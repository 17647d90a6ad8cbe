using System.Diagnostics;
using System.Text.Json;
using IpcPlayground.Sandbox;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Testing;

/// <summary>
/// The measurement loops run straight, without a server: <c>ipcplay-worker measure-loop</c> and its C reference
/// <c>ipcplay-measure</c>, each in a fresh bubblewrap sandbox like a run's (the worker's directory as /app).
/// </summary>
public static class MeasureBinaries
{
    /// <summary>The worker's published directory, where the C reference ships beside it.</summary>
    public static string Directory => Path.GetDirectoryName(new SandboxOptions().ResolvedWorkerPath)!;

    public const string Worker = "/app/ipcplay-worker";
    public const string Reference = "/app/ipcplay-measure";

    /// <summary>One loop's figures: <paramref name="program"/> is <see cref="Worker"/> or <see cref="Reference"/>; <paramref name="cpuList"/> narrows the CPUs the sandbox may use (taskset).</summary>
    public static async Task<LoopFigures> LoopAsync(string program, string mechanism, int size, string pattern, string cpus, long iterations, string? cpuList = null)
    {
        string[] loop = program == Worker ? [Worker, "measure-loop"] : [Reference];
        string[] sandboxed = [.. BubblewrapCommand.Isolation(new SandboxOptions(), Directory).Where(a => a != "--die-with-parent"),
            .. loop, mechanism, $"{size}", pattern, cpus, $"{iterations}"];
        var output = cpuList is null ? await ExternalCommand.RunAsync("/usr/bin/bwrap", sandboxed) : await ExternalCommand.RunAsync("/usr/bin/taskset", ["-c", cpuList, "/usr/bin/bwrap", .. sandboxed]);
        return JsonSerializer.Deserialize(output, WorkerProtocolJsonContext.Default.LoopFigures)!;
    }

    /// <summary><c>ipcplay-worker measure</c> with <paramref name="plan"/> in a sandbox: the frames it wrote.</summary>
    public static async Task<List<IMeasureFrame>> MeasureAsync(MeasurePlan plan)
    {
        var start = new ProcessStartInfo("/usr/bin/bwrap") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[.. BubblewrapCommand.Isolation(new SandboxOptions(), Directory).Where(a => a != "--die-with-parent"), Worker, "measure"])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(plan, WorkerProtocolJsonContext.Default.MeasurePlan));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().DefaultTimeout();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ipcplay-worker measure failed ({process.ExitCode}): {await error}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize(line, WorkerProtocolJsonContext.Default.IMeasureFrame)!).ToList();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IpcPlayground.Sandbox;
using IpcPlayground.Testing;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Benchmarks;

/// <summary>
/// The measurement loops, each mechanism at 4 KiB and 64 KiB (stream) inside the same bubblewrap sandbox a run gets:
/// the NativeAOT worker's C# loop (<c>ipcplay-worker measure-loop</c>) beside its C reference (<c>ipcplay-measure</c>,
/// built beside the worker) with the same iteration count, alternating, median of the repeats. Prints both and the
/// C#/C throughput ratio (the issue asks for 0.90 or more), and the shared-memory ring at 64 KiB against memcpy.
/// </summary>
public static class IpcThroughput
{
    private static readonly string[] Mechanisms = ["pipe", "fifo", "socketpair", "unix-stream", "tcp", "sysv-msgq", "posix-mq", "shm-sem", "shm-ring"];
    private static readonly (int Size, long Iterations)[] Sizes = [(4096, 40_000), (65536, 8_000)];

    public static async Task RunAsync(int repeats)
    {
        var app = WorkerDirectory();
        Console.WriteLine($"Measurement loops inside the sandbox (stream, CPUs any), median of {repeats} alternating runs; MB/s and µs a message:");
        Console.WriteLine($"{"mechanism",-11} {"size",6} {"C# MB/s",9} {"C MB/s",9} {"C# µs",8} {"C µs",8} {"C#/C",6}");
        foreach (var mechanism in Mechanisms)
            foreach (var (size, iterations) in Sizes)
            {
                string[] arguments = [mechanism, $"{size}", "stream", "any", $"{iterations}"];
                var (managed, native) = await PairedMedians(repeats, app, ["/app/ipcplay-worker", "measure-loop", .. arguments], ["/app/ipcplay-measure", .. arguments]);
                if (managed is null || native is null)
                {
                    Console.WriteLine($"{mechanism,-11} {size,6} n/a: the kernel's message size limit (8 KiB here)");
                    continue;
                }
                double Mbps(double ns) => size * (double)iterations / ns * 1e3;
                double Micros(double ns) => ns / iterations / 1e3;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{mechanism,-11} {size,6} {Mbps(managed.Value),9:F1} {Mbps(native.Value),9:F1} {Micros(managed.Value),8:F2} {Micros(native.Value),8:F2} {native.Value / managed.Value,6:F2}"));
            }

        var ring = new List<double>();
        for (var i = 0; i < repeats; i++)
            ring.Add((double)(await Loop(app, ["/app/ipcplay-worker", "measure-loop", "shm-ring", "65536", "stream", "different", "8000"]))!);
        var memcpy = MemcpyBytesPerSecond(app);
        var ringBytesPerSecond = 65536 * 8000 / Median(ring) * 1e9;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"shm-ring at 64 KiB on different CPUs: {ringBytesPerSecond / 1e6:F0} MB/s; memcpy of 64 KiB messages here: {memcpy / 1e6:F0} MB/s; ratio {ringBytesPerSecond / memcpy:F2}"));
    }

    /// <summary>The worker's published directory: ipcplay-worker and ipcplay-measure side by side, as /app in a sandbox.</summary>
    private static string WorkerDirectory()
    {
        var worker = new SandboxOptions().ResolvedWorkerPath is var p && File.Exists(p) ? p
            : PlaygroundServer.RepositoryPath("server/IpcPlayground.Sandbox/obj/worker/Release/ipcplay-worker");
        return Path.GetDirectoryName(worker)!;
    }

    /// <summary>Runs the two commands in turn <paramref name="repeats"/> times each; their median nanoseconds (null: the kernel refused the cell).</summary>
    private static async Task<(double?, double?)> PairedMedians(int repeats, string app, string[] first, string[] second)
    {
        List<double> a = [], b = [];
        for (var i = 0; i < repeats; i++)
        {
            if (await Loop(app, first) is not { } x || await Loop(app, second) is not { } y) return (null, null);
            a.Add(x);
            b.Add(y);
        }
        return (Median(a), Median(b));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>One loop in a fresh sandbox: its elapsed nanoseconds, or null when it gave a reason instead.</summary>
    private static async Task<long?> Loop(string app, string[] command)
    {
        // Not --die-with-parent: its death signal follows the starting thread, which the thread pool may retire.
        var output = await Exec("/usr/bin/bwrap", [.. BubblewrapCommand.Isolation(new SandboxOptions(), app).Where(a => a != "--die-with-parent"), .. command]);
        var figures = JsonSerializer.Deserialize(output, WorkerProtocolJsonContext.Default.LoopFigures)!;
        return figures.Reason is null ? figures.ElapsedNs : null;
    }

    private static double MemcpyBytesPerSecond(string app)
    {
        var start = new ProcessStartInfo(Path.Combine(app, "ipcplay-worker"), ["measure"]) { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        process.StandardInput.WriteLine("""{"cells":[{"mechanism":"pipe","size":65536}],"pattern":"stream","cpus":"any","cellBudgetMs":40}""");
        process.StandardInput.Close();
        var machine = (MachineFrame)JsonSerializer.Deserialize(process.StandardOutput.ReadLine()!, WorkerProtocolJsonContext.Default.IMeasureFrame)!;
        process.WaitForExit();
        return machine.MemcpyBytesPerSecond![65536];
    }

    private static async Task<string> Exec(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {error}");
        return output.Trim();
    }
}

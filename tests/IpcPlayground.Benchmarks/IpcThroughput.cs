using System.Diagnostics;
using System.Globalization;
using IpcPlayground.Sandbox;
using IpcPlayground.Testing;

namespace IpcPlayground.Benchmarks;

/// <summary>
/// Each mechanism in a tight loop at 64 B, 4 KiB and 64 KiB, inside the same bubblewrap sandbox a run gets: the
/// NativeAOT worker's C# loop (<c>ipcplay-worker bench</c>) beside a C reference (Native/ipcbench.c, compiled here
/// with gcc -O2) making the same calls. Prints the median of several repeats and the C#/C throughput ratio.
/// </summary>
public static class IpcThroughput
{
    private static readonly string[] Mechanisms = ["pipe", "socketpair", "tcp", "sysv-msgq", "posix-mq", "shm-sem"];
    private static readonly (int Size, long Iterations)[] Sizes = [(64, 100_000), (4096, 50_000), (65536, 10_000)];

    public static async Task RunAsync(int repeats)
    {
        var app = Directory.CreateTempSubdirectory("ipcbench-");
        try
        {
            var worker = new SandboxOptions().ResolvedWorkerPath is var p && File.Exists(p) ? p
                : PlaygroundServer.RepositoryPath("server/IpcPlayground.Sandbox/obj/worker/Release/ipcplay-worker");
            File.Copy(worker, Path.Combine(app.FullName, "ipcplay-worker"));
            await Exec("gcc", ["-O2", "-Wall", "-Werror", "-o", Path.Combine(app.FullName, "ipcbench"),
                PlaygroundServer.RepositoryPath("tests/IpcPlayground.Benchmarks/Native/ipcbench.c"), "-lrt", "-pthread"]);

            Console.WriteLine($"IPC loops inside the sandbox, median of {repeats}; throughput in MB/s, latency in µs per message:");
            Console.WriteLine("(C#+seccomp: the same C# loop under the run's seccomp filter, as every process of a run is)");
            Console.WriteLine($"{"mechanism",-11} {"size",6} {"C# MB/s",9} {"C MB/s",9} {"C# µs",8} {"C µs",8} {"C#/C",6} {"C#+seccomp µs",14}");
            foreach (var mechanism in Mechanisms)
                foreach (var (size, iterations) in Sizes)
                {
                    var managed = await Median(repeats, ["/app/ipcplay-worker", "bench", mechanism, $"{size}", $"{iterations}"], app.FullName);
                    var native = await Median(repeats, ["/app/ipcbench", mechanism, $"{size}", $"{iterations}"], app.FullName);
                    var filtered = await Median(repeats, ["/app/ipcplay-worker", "bench", mechanism, $"{size}", $"{iterations}", "seccomp"], app.FullName);
                    if (managed is null || native is null || filtered is null)
                    {
                        Console.WriteLine($"{mechanism,-11} {size,6} {"n/a: the kernel's message size limit is 8 KiB in a fresh IPC namespace",-50}");
                        continue;
                    }
                    double Mbps(double s) => size * iterations / s / 1e6;
                    double Micros(double s) => s / iterations * 1e6;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{mechanism,-11} {size,6} {Mbps(managed.Value),9:F1} {Mbps(native.Value),9:F1} {Micros(managed.Value),8:F2} {Micros(native.Value),8:F2} {native.Value / managed.Value,6:F2} {Micros(filtered.Value),14:F2}"));
                }
        }
        finally
        {
            app.Delete(recursive: true);
        }
    }

    /// <summary>Runs the command in a fresh sandbox <paramref name="repeats"/> times; the median seconds, or null when unsupported.</summary>
    private static async Task<double?> Median(int repeats, string[] command, string app)
    {
        var seconds = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var output = await Exec("/usr/bin/bwrap", [.. BubblewrapCommand.Isolation(new SandboxOptions(), app), .. command]);
            if (output.StartsWith("unsupported", StringComparison.Ordinal)) return null;
            seconds.Add(double.Parse(output.Split(' ')[3], CultureInfo.InvariantCulture));
        }
        seconds.Sort();
        return seconds[seconds.Count / 2];
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

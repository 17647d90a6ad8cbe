using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Measuring;

/// <summary>The C reference (ipcplay-measure, shipped beside the worker) run for one cell with the worker's iteration count.</summary>
internal static class ReferenceLoop
{
    public static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "ipcplay-measure");

    public static LoopFigures Run(string mechanism, int size, string pattern, string cpus, long iterations)
    {
        if (!File.Exists(ProgramPath)) return LoopFigures.Refused($"the C reference is missing at {ProgramPath}");
        var start = new ProcessStartInfo(ProgramPath) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])[mechanism, size.ToString(CultureInfo.InvariantCulture), pattern, cpus, iterations.ToString(CultureInfo.InvariantCulture)])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadLine();
        process.WaitForExit();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(line))
            return LoopFigures.Refused($"the C reference failed (exit code {process.ExitCode}); see the sandbox's diagnostics");
        return JsonSerializer.Deserialize(line, WorkerProtocolJsonContext.Default.LoopFigures)!;
    }
}

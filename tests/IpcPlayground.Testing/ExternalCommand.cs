using System.Diagnostics;

namespace IpcPlayground.Testing;

/// <summary>A program run to its end, its output and error read together (neither pipe can fill and stall it).</summary>
public static class ExternalCommand
{
    /// <summary>Its standard output, trimmed; throws with its error output when it exits with other than 0.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().DefaultTimeout();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        return (await output).Trim();
    }
}

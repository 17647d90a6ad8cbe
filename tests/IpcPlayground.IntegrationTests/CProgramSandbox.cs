using System.Diagnostics;
using IpcPlayground.Sandbox;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// A temporary directory in which a generated C program is compiled with gcc and run in the same bubblewrap sandbox
/// a run gets (private IPC, PID and network namespaces), mounted at /app. Deleted on dispose.
/// </summary>
internal sealed class CProgramSandbox : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cexport-");

    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
    }

    /// <summary>gcc -Wall -Werror -O1; the compiler's result (its diagnostics in <see cref="Result.Errors"/>).</summary>
    public Task<Result> Compile(string source)
    {
        var file = Path.Combine(_directory.FullName, "prog.c");
        File.WriteAllText(file, source);
        return Exec("gcc", ["-Wall", "-Werror", "-O1", "-o", Path.Combine(_directory.FullName, "prog"), file, "-lrt", "-pthread"]);
    }

    /// <summary>Runs the compiled program inside the sandbox.</summary>
    /// <remarks>
    /// Without --die-with-parent: its PR_SET_PDEATHSIG follows the thread that started bwrap, and a thread-pool
    /// thread may retire mid-run and SIGKILL the program (exit 137). The timeout below kills the tree instead.
    /// </remarks>
    public Task<Result> Run() =>
        Exec(new SandboxOptions().BubblewrapPath,
            [.. BubblewrapCommand.Isolation(new SandboxOptions(), _directory.FullName).Where(a => a != "--die-with-parent"), BubblewrapCommand.AppDirectory + "/prog"]);

    /// <summary>Compiles (failing the test with gcc's diagnostics if it does not) and runs.</summary>
    public async Task<Result> CompileAndRun(string source)
    {
        var compiled = await Compile(source);
        Assert.True(compiled.ExitCode == 0, $"gcc failed:\n{compiled.Errors}");
        return await Run();
    }

    private static async Task<Result> Exec(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {Timeout}:\n{await output}");
        }
        return new Result(process.ExitCode, await output, await errors);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}

using IpcPlayground.Fidelity.Oracle;
using IpcPlayground.Sandbox;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// A generated C program compiled with gcc (<c>-Wall -Werror -O1</c>) and run as the fidelity oracle runs it: in
/// the bubblewrap sandbox, cgroup and rlimits a run gets. Its temporary directory is deleted on dispose.
/// </summary>
internal sealed class CProgramSandbox : IDisposable
{
    private static readonly CProgramRunner Runner = new(new SandboxOptions());
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cexport-");

    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
    }

    /// <summary>The compiler's result (its diagnostics in <see cref="Result.Errors"/>).</summary>
    public async Task<Result> Compile(string source)
    {
        var (exitCode, errors) = await CProgramRunner.CompileAsync(source, _directory.FullName, CancellationToken.None);
        return new Result(exitCode, "", errors);
    }

    /// <summary>Compiles (failing with gcc's diagnostics if it does not) and runs; <see cref="Result.Errors"/> holds the trace.</summary>
    public async Task<Result> CompileAndRun(string source)
    {
        var outcome = await Runner.CompileAndRunAsync(source, 30_000, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
        return new Result(outcome.ExitCode, outcome.Output, outcome.Trace);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}

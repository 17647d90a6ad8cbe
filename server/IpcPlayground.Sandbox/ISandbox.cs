namespace IpcPlayground.Sandbox;

/// <summary>Starts one isolated sandbox per run, with the supervisor inside it.</summary>
public interface ISandbox
{
    /// <summary>A name for events and logs, e.g. <c>bubblewrap</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// Starts the supervisor for <paramref name="runId"/> (or, for a measurement, the worker's timed loops); throws
    /// <see cref="SandboxUnavailableException"/> when it cannot.
    /// </summary>
    Task<ISandboxedRun> StartAsync(string runId, SandboxProgram program = SandboxProgram.Supervisor);
}

/// <summary>What the worker binary does inside a sandbox: supervise a run, or time the loops of a measurement.</summary>
public enum SandboxProgram
{
    /// <summary><c>ipcplay-worker supervise</c>: reads a run plan on standard input, writes run frames.</summary>
    Supervisor,

    /// <summary><c>ipcplay-worker measure</c>: reads a measure plan on standard input, writes measure frames.</summary>
    Measure,
}

/// <summary>A running sandbox: the supervisor's standard input and output, and its end.</summary>
public interface ISandboxedRun : IAsyncDisposable
{
    int HostPid { get; }

    /// <summary>The isolation and limits this run really got, as reported in its <c>run-start</c> event.</summary>
    IReadOnlyList<string> Enforced { get; }

    /// <summary>After the run: the limits its processes ran into (e.g. a refused fork, an OOM kill).</summary>
    IReadOnlyList<(string Limit, string Message)> LimitsHit();

    /// <summary>The supervisor's standard input. Closing it tells the supervisor the server is gone.</summary>
    Stream Input { get; }

    /// <summary>The supervisor's standard output, as bytes: one frame a line, UTF-8 JSON.</summary>
    Stream Output { get; }

    /// <summary>What the sandbox wrote on standard error (bounded), for a failure message.</summary>
    string Diagnostics { get; }

    /// <summary>Kills the sandbox and every process in it.</summary>
    void Kill();

    Task WaitForExitAsync(CancellationToken cancellationToken);
}

public sealed class SandboxUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

using IpcPlayground.Sandbox;

namespace IpcPlayground.Runs;

/// <summary>How the server speaks to a sandbox's first process (a plan, then commands: one JSON line each) and quotes what it said.</summary>
internal static class SandboxedRunLines
{
    /// <summary>Writes one line of JSON to the sandbox's standard input and flushes it.</summary>
    public static async Task WriteLineAsync(this ISandboxedRun sandboxed, byte[] json, CancellationToken cancellationToken)
    {
        await sandboxed.Input.WriteAsync(json, cancellationToken);
        await sandboxed.Input.WriteAsync("\n"u8.ToArray(), cancellationToken);
        await sandboxed.Input.FlushAsync(cancellationToken);
    }

    /// <summary>The start of what the sandbox wrote on standard error, for an ending's message.</summary>
    public static string DiagnosticsExcerpt(this ISandboxedRun sandboxed) => sandboxed.Diagnostics is var text && text.Length <= 500
        ? (text.Length == 0 ? "(no message)" : text)
        : text[..500] + "…";
}

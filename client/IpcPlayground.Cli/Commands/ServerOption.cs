using System.CommandLine;

namespace IpcPlayground.Cli.Commands;

/// <summary><c>--server URL</c>, defaulting to the IPCPLAY_SERVER environment variable.</summary>
public static class ServerOption
{
    public static Option<Uri?> Create(string description) => new("--server", "-s")
    {
        Description = description + " (default: $IPCPLAY_SERVER)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("IPCPLAY_SERVER") is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
            result.AddError($"--server needs an http:// or https:// address, not '{text}'");
            return null;
        },
    };

    public static HttpClient Client(Uri server) => new() { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
}

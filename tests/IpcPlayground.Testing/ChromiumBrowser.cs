namespace IpcPlayground.Testing;

/// <summary>How browser tests and benchmarks start Debian's Chromium (never a downloaded browser).</summary>
public static class ChromiumBrowser
{
    public const string Path = "/usr/bin/chromium";

    public static readonly IReadOnlyList<string> Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];
}

using System.Diagnostics;
using System.Globalization;

namespace IpcPlayground.Testing;

/// <summary>
/// The server as a process of its own (<c>dotnet IpcPlayground.Server.dll</c>) on 127.0.0.1 and a free port, with a
/// database of its own: for what an in-process server cannot show, such as its memory or its death. Disposing kills
/// it and whatever it started.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly TemporaryDirectory _data;
    private System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, HttpClient http, TemporaryDirectory data)
    {
        Process = process;
        Http = http;
        _data = data;
    }

    public Process Process { get; }
    public HttpClient Http { get; }

    /// <param name="settings">Configuration overrides, as <c>Section:Key</c>.</param>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = Loopback.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "IpcPlayground.Server.dll"), "--urls", $"http://127.0.0.1:{port}",
                     "--contentRoot", PlaygroundServer.RepositoryPath("server/IpcPlayground.Server")])
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var data = new TemporaryDirectory();
        start.Environment["Storage__DataDirectory"] = data.Path;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start)!;
        // Drained, so a chatty server never blocks on a full pipe; its recent lines kept for a failing test to quote.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(object _, DataReceivedEventArgs line)
        {
            if (line.Data is null) return;
            output.Enqueue(line.Data);
            while (output.Count > 2000) output.TryDequeue(out var _);
        }
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TaskTimeouts.Default };
        var started = new ServerProcess(process, http, data) { _output = output };
        try
        {
            await Loopback.WaitHealthyAsync(http);
        }
        catch
        {
            started.Dispose();
            throw;
        }
        return started;
    }

    /// <summary>The server's recent log lines (standard output and error, the last 2000) that contain <paramref name="text"/>.</summary>
    public IEnumerable<string> LogLinesWith(string text) => _output.Where(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Resident memory now and at its peak, in bytes (VmRSS and VmHWM of /proc/PID/status).</summary>
    public (long Rss, long Peak) Memory()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kib(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kib(line);
        }
        return (rss, peak);

        static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.WaitForExit(5000);
        Process.Dispose();
        Http.Dispose();
        _data.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>When the server process is killed outright, nothing of its runs survives it: bwrap dies with its parent.</summary>
public sealed class ServerCrashTests
{
    [Fact]
    public async Task Killing_the_server_mid_run_leaves_no_process_of_the_run()
    {
        var (server, http) = await StartServerAsync();
        string runId;
        try
        {
            var api = new RunApi(http);
            runId = await api.StartAsync("""
                { "format": 1, "limits": { "timeoutMs": 20000 }, "objects": [ { "id": "p", "type": "pipe" } ],
                  "processes": [
                    { "id": "parent", "steps": [ { "op": "spawn", "process": "child" }, { "op": "sleep", "ms": 15000 } ] },
                    { "id": "child", "parent": "parent", "steps": [ { "op": "read", "object": "p", "bytes": 1 } ] } ] }
                """);
            for (var i = 0; i < 100 && HostState.ProcessesOf(runId).Count < 3; i++) await Task.Delay(50);
            Assert.True(HostState.ProcessesOf(runId).Count >= 3, "supervisor and two workers are running before the kill");

            server.Kill();
            await server.WaitForExitAsync().DefaultTimeout();

            await HostState.WaitUntilGone(runId);
            Assert.Empty(HostState.ProcessesOf(runId));
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            server.Dispose();
            http.Dispose();
        }

        // The dead server could not remove the run's cgroups (ipcplay-RUNID.PID); the next one does, once they are empty.
        var (next, nextHttp) = await StartServerAsync();
        using (nextHttp)
        using (next)
        {
            Assert.Empty(Directory.EnumerateDirectories("/sys/fs/cgroup", $"ipcplay-{runId}.*", SearchOption.AllDirectories));
            next.Kill(entireProcessTree: true);
        }
    }

    private static async Task<(Process Server, HttpClient Http)> StartServerAsync()
    {
        var port = Loopback.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "IpcPlayground.Server.dll"), "--urls", $"http://127.0.0.1:{port}",
                     "--contentRoot", PlaygroundServer.RepositoryPath("server/IpcPlayground.Server")])
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var data = new TemporaryDirectory();
        start.Environment["Storage__DataDirectory"] = data.Path;
        var server = Process.Start(start)!;
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TaskTimeouts.Default };
        await Loopback.WaitHealthyAsync(http);
        return (server, http);
    }
}

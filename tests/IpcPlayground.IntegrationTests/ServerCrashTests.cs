using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>When the server process is killed outright, nothing of its runs survives it: bwrap dies with its parent.</summary>
public sealed class ServerCrashTests
{
    [Fact]
    public async Task Killing_the_server_mid_run_leaves_no_process_of_the_run()
    {
        var server = await ServerProcess.StartAsync();
        string runId;
        try
        {
            var api = new RunApi(server.Http);
            runId = await api.StartAsync("""
                { "format": 1, "limits": { "timeoutMs": 20000 }, "objects": [ { "id": "p", "type": "pipe" } ],
                  "processes": [
                    { "id": "parent", "steps": [ { "op": "spawn", "process": "child" }, { "op": "sleep", "ms": 15000 } ] },
                    { "id": "child", "parent": "parent", "steps": [ { "op": "read", "object": "p", "bytes": 1 } ] } ] }
                """);
            for (var i = 0; i < 100 && HostState.ProcessesOf(runId).Count < 3; i++) await Task.Delay(50);
            Assert.True(HostState.ProcessesOf(runId).Count >= 3, "supervisor and two workers are running before the kill");

            server.Process.Kill();
            await server.Process.WaitForExitAsync().DefaultTimeout();

            await HostState.WaitUntilGone(runId);
            Assert.Empty(HostState.ProcessesOf(runId));
        }
        finally
        {
            server.Dispose();
        }

        // The dead server could not remove the run's cgroups (ipcplay-RUNID.PID); the next one does, once they are empty.
        using (await ServerProcess.StartAsync())
            Assert.Empty(Directory.EnumerateDirectories("/sys/fs/cgroup", $"ipcplay-{runId}.*", SearchOption.AllDirectories));
    }
}

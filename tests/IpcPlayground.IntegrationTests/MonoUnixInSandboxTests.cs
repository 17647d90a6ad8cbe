using IpcPlayground.Sandbox;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>The worker reads file facts with Mono.Unix: its native half ships beside the NativeAOT worker and loads inside the sandbox.</summary>
[Collection(ServerCollection.Name)]
public sealed class MonoUnixInSandboxTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    [Fact]
    public async Task The_worker_lstats_paths_through_Mono_Unix_inside_the_sandbox()
    {
        var workerDirectory = Path.GetDirectoryName(new SandboxOptions().ResolvedWorkerPath)!;
        Assert.True(File.Exists(Path.Combine(workerDirectory, "libMono.Unix.so")), $"libMono.Unix.so is not beside the worker in {workerDirectory}");

        var events = await _api.RunAsync("""
            { "format": 1, "objects": [ { "id": "q", "type": "sysv-msgq", "key": { "ftok": { "path": "/sandbox/keyfile", "proj": 1 } } },
                                        { "id": "s", "type": "unix-stream" } ],
              "processes": [ { "id": "a", "steps": [
                { "op": "stat", "path": "/sandbox/keyfile" },
                { "op": "stat", "path": "/sandbox/s.sock" },
                { "op": "stat", "path": "/tmp/never-made" },
                { "op": "accept", "object": "s" } ] },
                { "id": "b", "steps": [ { "op": "sleep", "ms": 100 }, { "op": "open", "object": "s", "mode": "read-write" } ] } ] }
            """);
        var stats = events.Where(e => e.Is("syscall", "a", "stat")).ToList();
        Assert.Equal(["regular", "socket", "missing"], stats.Select(s => s["file"]!["type"]!.GetValue<string>()));
        Assert.Equal([null, null, "ENOENT"], stats.Select(s => s.Str("errno")));
        Assert.Equal("completed", events[^1].Str("status"));
    }
}

using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>The kernel state a run shows follows its steps: each semaphore wait and post is seen with the value it left.</summary>
[Collection(ServerCollection.Name)]
public sealed class KernelStateTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    [Theory]
    [InlineData("posix-sem")]
    [InlineData("sysv-sem")]
    public async Task Four_lock_and_unlock_pairs_show_the_semaphore_at_0_and_1_four_times(string type)
    {
        var events = await _api.RunAsync($$"""
            { "format": 1, "objects": [ { "id": "s", "type": "{{type}}" } ],
              "processes": [ { "id": "a", "steps": [
                {{(type == "posix-sem" ? """{ "op": "open", "object": "s", "mode": "read-write" },""" : "")}}
                { "op": "repeat", "times": 4, "steps": [ { "op": "semWait", "object": "s" }, { "op": "semPost", "object": "s" } ] } ] } ] }
            """);
        var values = events.Where(e => e.Is("state", "a") && e.Str("object") == "s")
            .Select(e => e["state"]!["values"]?[0]?.GetValue<long>() ?? e["state"]!["value"]!.GetValue<long>()).ToList();
        Assert.Equal([0L, 1L, 0L, 1L, 0L, 1L, 0L, 1L], values.TakeLast(8));
    }
}

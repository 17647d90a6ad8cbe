using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>A blocked event names the step's own call, asleep in the kernel, and where it sleeps: nothing else.</summary>
[Collection(ServerCollection.Name)]
public sealed class BlockedEventTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    [Fact]
    public async Task A_read_that_returned_at_once_is_not_blocked_while_its_1_MiB_report_is_sent()
    {
        // The megabyte is in the pipe before the read: the read returns at once, and the worker then sleeps sending
        // the supervisor a 1 MiB report of it, which used to be taken for the read blocking (wchan sock_alloc_send_pskb).
        var events = await _api.RunAsync("""
            { "format": 1, "objects": [ { "id": "p", "type": "pipe", "capacity": 1048576 } ],
              "processes": [
                { "id": "parent", "steps": [
                    { "op": "write", "object": "p", "size": 1048576 }, { "op": "spawn", "process": "reader" }, { "op": "wait", "process": "reader" } ] },
                { "id": "reader", "parent": "parent", "steps": [ { "op": "read", "object": "p", "bytes": 1048576 } ] } ] }
            """);
        Assert.Equal(1048576, events.Single("syscall", "reader", "read").Long("result"));
        Assert.DoesNotContain(events, e => e.Is("blocked", "reader"));
        Assert.All(events.Where(e => e.Kind() == "blocked"), e => Assert.False(string.IsNullOrEmpty(e.Str("wchan"))));
    }

    [Fact]
    public async Task A_read_of_an_empty_pipe_is_blocked_in_the_pipes_read_and_wakes_with_the_write()
    {
        var events = await _api.RunAsync(SampleExperiments.BlockedRead);
        var blocked = Assert.Single(events, e => e.Is("blocked", "reader"));
        Assert.Equal("read", blocked.Str("call"));
        Assert.Contains("pipe", blocked.Str("wchan"), StringComparison.Ordinal);
    }
}

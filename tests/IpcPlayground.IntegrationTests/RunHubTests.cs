using Microsoft.AspNetCore.SignalR;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.IntegrationTests;

/// <summary>The same events reach a SignalR client that joins the run's group.</summary>
[Collection(ServerCollection.Name)]
public sealed class RunHubTests(PlaygroundServer server)
{
    [Fact]
    public async Task A_hub_client_receives_every_event_once_in_seq_order()
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, IRunHub.Path))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default))
            .Build();
        var received = new SortedDictionary<long, RunEvent>();
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Take(IEnumerable<RunEvent> events)
        {
            lock (received)
                foreach (var e in events)
                {
                    received.TryAdd(e.Seq, e);
                    if (e is RunEndEvent) ended.TrySetResult();
                }
        }
        hub.On<string, RunEvent[]>(nameof(IRunClient.ReceiveEvents), (_, events) => Take(events));
        await hub.StartAsync().DefaultTimeout();

        var api = new RunApi(server.CreateLoopbackClient());
        var runId = await api.StartAsync(SampleExperiments.PipeByteStream);
        Take(await hub.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId).DefaultTimeout());
        await ended.Task.DefaultTimeout();

        var ndjson = await api.EventsAsync(runId);
        lock (received)
        {
            Assert.Equal(ndjson.Select(e => e.Long("seq")), received.Keys);
            Assert.Equal(ndjson.Select(e => e.Kind()), received.Values.Select(e => e.Kind));
            var read = received.Values.OfType<SyscallEvent>().Single(e => e.Op == "read");
            Assert.Equal("helloworld", read.Data);
        }
    }

    [Fact]
    public async Task Joining_an_unknown_run_is_an_error()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, IRunHub.Path)).Build();
        await hub.StartAsync().DefaultTimeout();
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), "nope").DefaultTimeout());
        Assert.Contains("unknown run", error.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// Every op the contract allows on every mechanism, run for real: each is a call the worker makes (a syscall event,
/// or a blocked one for a call that waits), never a run failure such as "not available on this server".
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MechanismTourTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    public static TheoryData<string> MechanismNames => [.. Mechanisms.All.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(MechanismNames))]
    public async Task The_worker_makes_every_op_the_contract_allows_on_it(string name)
    {
        var mechanism = Mechanisms.Named(name)!;
        var events = await _api.RunAsync(JsonSerializer.Serialize(MechanismTour.For(mechanism), ContractsJsonContext.Default.Experiment));

        var errors = events.Where(e => e.Kind() == "error").Select(e => e.Str("message")).ToList();
        Assert.True(errors.Count == 0, $"a {name}: {string.Join("; ", errors)}");
        foreach (var op in MechanismTour.OpsOn(mechanism))
        {
            var process = MechanismTour.ProcessFor(op.Op);
            Assert.True(events.Any(e => e.Is("syscall", process, op.Op) || e.Is("blocked", process, op.Op)),
                $"{op.Op} on a {name}: no call was made ({string.Join(", ", events.Where(e => e["process"]?.GetValue<string>() == process).Select(e => e.Kind()))})");
        }
    }
}

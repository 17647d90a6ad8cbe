using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Experiments;

namespace IpcPlayground.UnitTests;

public sealed class RunPlannerTests
{
    private static readonly PlanSettings Settings = new(DefaultTimeoutMs: 10_000, MaxTimeoutMs: 30_000, BlockedAfterMs: 5, ReorderWindowMs: 10);

    private static Experiment Read(string json) => ExperimentReader.Read(json).Experiment ?? throw new InvalidOperationException(string.Join("; ", ExperimentReader.Read(json).Errors));

    [Fact]
    public void A_pipe_is_created_by_the_nearest_common_ancestor_of_its_users()
    {
        var experiment = Read("""
            { "format": 1, "objects": [ { "id": "p", "type": "pipe" } ],
              "processes": [
                { "id": "root", "steps": [ { "op": "spawn", "process": "left" }, { "op": "spawn", "process": "right" } ] },
                { "id": "left", "parent": "root", "steps": [ { "op": "write", "object": "p", "data": "x" } ] },
                { "id": "right", "parent": "root", "steps": [ { "op": "read", "object": "p", "bytes": 1 } ] } ] }
            """);
        var plan = RunPlanner.Plan("r", experiment, Settings);

        Assert.Equal(["p"], plan.Processes.Single(p => p.Id == "root").Creates);
        Assert.Empty(plan.Processes.Single(p => p.Id == "left").Creates);
        Assert.Empty(plan.Processes.Single(p => p.Id == "right").Creates);
    }

    [Fact]
    public void The_timeout_is_the_experiments_but_never_above_the_servers_cap()
    {
        Assert.Equal(30_000, RunPlanner.Plan("r", Read("""{ "format": 1, "limits": { "timeoutMs": 999999 }, "processes": [ { "id": "a", "steps": [] } ] }"""), Settings).TimeoutMs);
        Assert.Equal(2_000, RunPlanner.Plan("r", Read("""{ "format": 1, "limits": { "timeoutMs": 2000 }, "processes": [ { "id": "a", "steps": [] } ] }"""), Settings).TimeoutMs);
        Assert.Equal(10_000, RunPlanner.Plan("r", Read("""{ "format": 1, "processes": [ { "id": "a", "steps": [] } ] }"""), Settings).TimeoutMs);
    }

    [Fact]
    public void Step_data_becomes_utf8_bytes_and_process_becomes_target()
    {
        var plan = RunPlanner.Plan("r", Read("""
            { "format": 1, "objects": [ { "id": "p", "type": "pipe" } ],
              "processes": [ { "id": "a", "steps": [ { "op": "spawn", "process": "b" }, { "op": "write", "object": "p", "data": "héllo" } ] },
                            { "id": "b", "parent": "a", "steps": [ { "op": "read", "object": "p", "bytes": 8 } ] } ] }
            """), Settings);
        var steps = plan.Processes[0].Steps;
        Assert.Equal("b", steps[0].Target);
        Assert.Equal("héllo"u8.ToArray(), steps[1].Data);
    }
}

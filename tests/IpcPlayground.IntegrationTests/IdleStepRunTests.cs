using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>A run held in step mode keeps a slot while a person thinks; one nobody steps ends and gives it back.</summary>
public sealed class IdleStepRunTests
{
    [Fact]
    public async Task A_step_run_nobody_steps_ends_after_the_idle_limit_and_one_that_is_stepped_does_not()
    {
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?> { ["Runs:StepModeIdleMs"] = "1500" });
        var api = new RunApi(server.CreateLoopbackClient());

        var forgotten = await api.StartAsync(SampleExperiments.PipeByteStream, mode: "step");
        var events = await api.EventsAsync(forgotten);
        Assert.Equal("killed", events[^1].Str("status"));
        Assert.Contains("without a step", events[^1].Str("message"), StringComparison.Ordinal);

        // Stepped more often than the limit, a run goes on until it is let run free.
        var watched = await api.StartAsync(SampleExperiments.PipeByteStream, mode: "step");
        await using var live = api.Follow(watched);
        var after = 0;
        for (var i = 0; i < 4; i++)
        {
            var held = await live.WaitForAsync(e => e.Kind() == "paused" && e.Str("process") == "parent", skip: after);
            after = live.Events.ToList().IndexOf(held) + 1;
            await Task.Delay(500);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, await api.StepAsync(watched, "parent"));
        }
        using (await api.ControlAsync(watched, "resume")) { }
        Assert.Equal("completed", (await api.EventsAsync(watched))[^1].Str("status"));
    }
}

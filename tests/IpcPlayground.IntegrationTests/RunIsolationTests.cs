using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// Runs do not interfere through the kernel's per-user accounting: each sandbox is its own host uid, so one run
/// holding nearly all the POSIX queue bytes its RLIMIT_MSGQUEUE allows leaves the next run its own. (The kernel counts
/// queue bytes per user at every user-namespace level: within the run against Sandbox:PosixQueueBytes, and for the
/// host uid against the host's limit, 800 KiB — which two runs of one host uid would share.)
/// </summary>
public sealed class RunIsolationTests
{
    private const string Hog = """
        { "format": 1,
          "objects": [
            { "id": "q1", "type": "posix-mq", "maxMessages": 10, "messageSize": 8192 },
            { "id": "q2", "type": "posix-mq", "maxMessages": 10, "messageSize": 8192 },
            { "id": "q3", "type": "posix-mq", "maxMessages": 10, "messageSize": 8192 },
            { "id": "q4", "type": "posix-mq", "maxMessages": 10, "messageSize": 8192 },
            { "id": "q5", "type": "posix-mq", "maxMessages": 10, "messageSize": 8192 },
            { "id": "q6", "type": "posix-mq", "maxMessages": 10, "messageSize": 8192 } ],
          "processes": [ { "id": "hog", "steps": [ { "op": "sleep", "ms": 1 } ] } ] }
        """;

    private const string Victim = """
        { "format": 1,
          "objects": [
            { "id": "q", "type": "posix-mq", "maxMessages": 10, "messageSize": 8192 },
            { "id": "r", "type": "posix-mq", "maxMessages": 10, "messageSize": 8192 },
            { "id": "s", "type": "posix-mq", "maxMessages": 10, "messageSize": 8192 },
            { "id": "t", "type": "posix-mq", "maxMessages": 10, "messageSize": 8192 } ],
          "processes": [ { "id": "victim", "steps": [
            { "op": "send", "object": "q", "data": "still mine" },
            { "op": "receive", "object": "q" } ] } ] }
        """;

    [Fact]
    public async Task A_run_holding_its_whole_posix_queue_budget_in_step_mode_leaves_another_run_its_own()
    {
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?>());
        var api = new RunApi(server.CreateLoopbackClient());

        // Six queues of 10 x 8 KiB: about 483 KiB of the 512 KiB Sandbox:PosixQueueBytes, held while the run waits for a step.
        var hog = await api.StartAsync(Hog, mode: "step");
        try
        {
            await using (var live = api.Follow(hog))
            {
                await live.WaitForAsync(e => e.Kind() == "paused" && e.Str("process") == "hog");
                var enforced = live.Events.First(e => e.Kind() == "run-start")["enforced"]!.AsArray().Select(n => n!.GetValue<string>());
                Assert.True(enforced.Any(e => e.StartsWith("host-user:uid=", StringComparison.Ordinal) && e.EndsWith("(its own)", StringComparison.Ordinal)),
                    "runs get host uids of their own only from a server running as root (as CI does): " + string.Join(", ", enforced));
            }

            // Another 4 x 80 KiB is within this run's 512 KiB, but over the host's 800 KiB were the two runs one user (mq_open: EMFILE).
            var events = await api.RunAsync(Victim);
            Assert.Equal("completed", events[^1].Str("status"));
            Assert.All(events.Where(e => e.Kind() == "syscall"), e => Assert.Null(e.Str("errno")));
            Assert.Equal("still mine", events.Single("syscall", "victim", "receive").Str("data"));
        }
        finally
        {
            using (await api.ControlAsync(hog, "stop")) { }
            await api.EventsAsync(hog);
        }
    }
}

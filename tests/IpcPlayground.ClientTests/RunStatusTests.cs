using Bunit;
using IpcPlayground.Client.Components;
using IpcPlayground.Client.Services;
using IpcPlayground.Client.Services.Runs;

namespace IpcPlayground.ClientTests;

/// <summary>A long run shows its progress and who is blocked; limits and a bad ending are shown plainly.</summary>
public sealed class RunStatusTests : BunitContext
{
    private static RunEventLog Log(Events events)
    {
        var timeline = new RunEventLog();
        timeline.Add(events.List);
        return timeline;
    }

    [Fact]
    public void A_running_run_names_the_processes_blocked_now()
    {
        var events = new Events().Start(0, "a").Start(0, "b")
            .Blocked(2, 1, "a", "read", "p")
            .Blocked(3, 2, "b", "semWait", "s")
            .Call(4, "b", "semWait", "s");
        var progress = RunProgress.Build(events.List);
        Assert.Equal(["a"], progress.BlockedNow.Select(b => b.Process));

        var cut = Render<RunStatusBar>(p => p.Add(c => c.Log, Log(events)));
        Assert.Equal("running", cut.Find("[data-testid=run-status]").GetAttribute("data-status"));
        Assert.Contains("a: read(p)", cut.Find("[data-testid=blocked-process]").TextContent, StringComparison.Ordinal);
        Assert.Contains("5 events", cut.Find("[data-testid=event-count]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_and_its_run_end_are_listed_as_problems()
    {
        var events = new Events().Start(0, "a").Limit(5, "events", "more than 20000 events").End(6, "limit", "stopped");
        var cut = Render<RunStatusBar>(p => p.Add(c => c.Log, Log(events)));

        Assert.Equal("limit", cut.Find("[data-testid=run-status]").GetAttribute("data-status"));
        Assert.Equal("events", cut.Find("[data-testid=run-limit]").GetAttribute("data-limit"));
        Assert.Contains("stopped by a limit", cut.Find("[data-testid=run-end-problem]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=blocked-now]"));
    }

    [Fact]
    public void A_completed_run_shows_no_problems()
    {
        var cut = Render<RunStatusBar>(p => p.Add(c => c.Log, Log(new Events().Start(0, "a").Exit(1, "a").End(2, "completed"))));
        Assert.Empty(cut.FindAll("[data-testid=run-problems]"));
        Assert.Equal("completed", cut.Find("[data-testid=run-status]").TextContent);
    }
}

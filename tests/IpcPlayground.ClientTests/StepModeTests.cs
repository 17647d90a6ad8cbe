using Bunit;
using IpcPlayground.Client.Components;
using IpcPlayground.Client.Services.Runs;

namespace IpcPlayground.ClientTests;

/// <summary>Step mode: a held process can be let go one step; one that runs or is blocked cannot.</summary>
public sealed class StepModeTests : BunitContext
{
    /// <summary>a is held before read p; b was held, stepped, and now sits blocked in semWait; c is held between load and store.</summary>
    private static Events ThreeProcesses() => new Events()
        .Start(0, "a").Start(0, "b").Start(0, "c")
        .Paused(1, "a", "read", "p")
        .Paused(1, "b", "semWait", "s")
        .Blocked(3, 2, "b", "semWait", "s")
        .Paused(4, "c", "increment", "counter", phase: "store")
        .State(5, "a", null, """{"type":"process","state":"sleeping"}""");

    [Fact]
    public void Each_process_shows_what_it_is_held_before()
    {
        var holds = StepModeModel.Build(ThreeProcesses().List);
        Assert.Equal([HeldStatus.Held, HeldStatus.Blocked, HeldStatus.Held], holds.Select(h => h.Status));
        Assert.Equal("read p", StepModeModel.Describe(holds[0].HeldBefore!));
        Assert.Equal("increment counter · store", StepModeModel.Describe(holds[2].HeldBefore!));
    }

    [Fact]
    public void Step_buttons_are_enabled_only_for_held_processes()
    {
        var cut = Render<StepControls>(p => p.Add(c => c.Events, ThreeProcesses().List).Add(c => c.OnStep, _ => { }));

        Assert.False(cut.Find("[data-testid=step-a]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=step-b]").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-testid=step-c]").HasAttribute("disabled"));
        Assert.Contains("read p", cut.Find("[data-testid=step-process][data-process=a] [data-testid=step-next]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_process_not_spawned_yet_says_so_rather_than_running()
    {
        var cut = Render<StepControls>(p => p.Add(c => c.Events, ThreeProcesses().List).Add(c => c.DeclaredProcesses, ["a", "b", "c", "later"]).Add(c => c.OnStep, _ => { }));
        var later = cut.Find("[data-testid=step-process][data-process=later]");
        Assert.Equal("notstarted", later.GetAttribute("data-status"));
        Assert.Equal("not started yet", later.QuerySelector("[data-testid=step-next]")!.TextContent.Trim());
    }

    [Fact]
    public void Stepping_a_process_asks_for_it_once_and_disables_its_button_until_it_is_held_again()
    {
        var asked = new List<string>();
        var events = ThreeProcesses();
        var cut = Render<StepControls>(p => p.Add(c => c.Events, events.List).Add(c => c.OnStep, process => asked.Add(process)));

        cut.Find("[data-testid=step-a]").Click();
        Assert.Equal(["a"], asked);
        Assert.True(cut.Find("[data-testid=step-a]").HasAttribute("disabled"));

        events.Call(6, "a", "read", "p").Paused(7, "a", "exit");
        cut.Render(p => p.Add(c => c.Events, events.List.ToList()));
        Assert.False(cut.Find("[data-testid=step-a]").HasAttribute("disabled"));
        Assert.Contains("exit", cut.Find("[data-testid=step-process][data-process=a] [data-testid=step-next]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_and_stop_reach_the_page_and_a_finished_run_disables_everything()
    {
        var resumed = false;
        var stopped = false;
        var cut = Render<StepControls>(p => p.Add(c => c.Events, ThreeProcesses().List).Add(c => c.OnStep, _ => { })
            .Add(c => c.OnResume, () => resumed = true).Add(c => c.OnStop, () => stopped = true));
        cut.Find("[data-testid=step-resume]").Click();
        cut.Find("[data-testid=step-stop]").Click();
        Assert.True(resumed && stopped);

        var ended = ThreeProcesses().End(9, "killed");
        cut.Render(p => p.Add(c => c.Events, ended.List).Add(c => c.Finished, true));
        Assert.All(cut.FindAll("button"), b => Assert.True(b.HasAttribute("disabled")));
    }
}

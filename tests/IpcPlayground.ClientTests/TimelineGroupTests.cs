using Bunit;
using IpcPlayground.Client.Components.Timeline;

namespace IpcPlayground.ClientTests;

/// <summary>Marks closer than a mark's width never lie on each other: a few stack, more become a group that opens.</summary>
public sealed class TimelineGroupTests : BunitContext
{
    /// <summary>Twelve writes 2 µs apart at 50 ms, in a run of 100 ms: at the whole run's scale, one pixel.</summary>
    private static Events Burst()
    {
        var events = new Events().Start(0, "writer");
        for (var i = 0; i < 12; i++) events.Call(50 + i * 0.002, "writer", "write", "p");
        return events.Exit(100, "writer");
    }

    [Fact]
    public void A_burst_too_dense_to_stack_is_one_group_with_its_count_and_picking_it_zooms_in_until_the_marks_stand_apart()
    {
        var cut = Render<TimelineView>(p => p.Add(c => c.Events, Burst().List));

        var group = cut.Find("[data-testid=timeline-group]");
        Assert.Equal("12", group.GetAttribute("data-count"));
        Assert.Equal("12", group.QuerySelector(".group-count")!.TextContent);
        Assert.Equal(12, cut.FindAll("[data-testid=timeline-mark][data-grouped=true]").Count);

        group.Click();

        Assert.Empty(cut.FindAll("[data-testid=timeline-group]"));
        var writes = cut.FindAll("[data-testid=timeline-mark][data-op=write]");
        Assert.Equal(12, writes.Count);
        Assert.All(writes, w => Assert.Null(w.GetAttribute("data-grouped")));
        Assert.All(writes, w => Assert.Equal("0", w.GetAttribute("data-stacked")));
    }

    [Fact]
    public void Up_to_five_close_marks_are_stacked_up_and_down_the_lane_not_grouped()
    {
        var events = new Events().Start(0, "a");
        for (var i = 0; i < 3; i++) events.Call(50 + i * 0.002, "a", "write", "p");
        var cut = Render<TimelineView>(p => p.Add(c => c.Events, events.Exit(100, "a").List));

        Assert.Empty(cut.FindAll("[data-testid=timeline-group]"));
        Assert.Equal(["0", "1", "2"], cut.FindAll("[data-testid=timeline-mark][data-op=write]").Select(m => m.GetAttribute("data-stacked")));
    }
}

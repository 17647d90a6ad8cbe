using IpcPlayground.Contracts.Events;
using IpcPlayground.Server.Workshops;

namespace IpcPlayground.UnitTests.Workshops;

public sealed class ParticipantRunStateTests
{
    private static ParticipantRunState Started(params string[] roots)
    {
        var state = new ParticipantRunState("r1", roots);
        state.Observe(new RunStartEvent());
        foreach (var root in roots) state.Observe(new ProcessStartEvent { Process = root });
        return state;
    }

    [Fact]
    public void A_spawned_child_counts_as_living_from_the_spawn_so_a_lone_blocked_parent_is_not_a_deadlock()
    {
        var state = Started("parent");
        state.Observe(new SyscallEvent { Process = "parent", Op = "spawn", Target = "child", Result = 7 });
        Assert.True(state.Observe(new BlockedEvent { Process = "parent", Op = "read" }));
        Assert.Equal(["parent"], state.Current.Blocked);
        Assert.False(state.Current.Deadlocked);

        Assert.True(state.Observe(new BlockedEvent { Process = "child", Op = "read" }));
        Assert.Equal(["child", "parent"], state.Current.Blocked);
        Assert.True(state.Current.Deadlocked);
    }

    [Fact]
    public void A_call_returning_unblocks_its_process()
    {
        var state = Started("a", "b");
        state.Observe(new BlockedEvent { Process = "a", Op = "semWait" });
        state.Observe(new BlockedEvent { Process = "b", Op = "semWait" });
        Assert.True(state.Current.Deadlocked);
        Assert.True(state.Observe(new SyscallEvent { Process = "a", Op = "semWait", Result = 0 }));
        Assert.Equal(["b"], state.Current.Blocked);
        Assert.False(state.Current.Deadlocked);
    }

    [Fact]
    public void A_wait_for_a_signal_may_time_out_so_it_never_makes_a_deadlock()
    {
        var state = Started("a");
        state.Observe(new BlockedEvent { Process = "a", Op = "waitSignal" });
        Assert.Equal(["a"], state.Current.Blocked);
        Assert.False(state.Current.Deadlocked);
    }

    [Fact]
    public void A_process_that_exited_is_not_waited_for()
    {
        var state = Started("a", "b");
        state.Observe(new BlockedEvent { Process = "a", Op = "read" });
        Assert.False(state.Current.Deadlocked);
        Assert.True(state.Observe(new ProcessExitEvent { Process = "b", ExitCode = 0 }));
        Assert.True(state.Current.Deadlocked);
    }

    [Fact]
    public void The_end_sets_the_status_and_clears_the_blocked_set_and_unchanged_events_report_no_change()
    {
        var state = Started("a");
        state.Observe(new BlockedEvent { Process = "a", Op = "read" });
        Assert.False(state.Observe(new StateEvent { Object = "p" }));
        Assert.True(state.Observe(new RunEndEvent { Status = RunStatuses.Timeout }));
        Assert.Equal((RunStatuses.Timeout, false), (state.Current.Status, state.Current.Deadlocked));
        Assert.Empty(state.Current.Blocked);
        Assert.Equal(5, state.Current.EventCount);
    }
}

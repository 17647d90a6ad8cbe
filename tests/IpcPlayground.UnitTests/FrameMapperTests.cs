using IpcPlayground.Contracts.Events;
using IpcPlayground.Runs;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.UnitTests;

public sealed class FrameMapperTests
{
    private static FrameMapper Started(long t0)
    {
        var mapper = new FrameMapper("run1", new RunStartEvent { Name = "x" });
        Assert.IsType<RunStartEvent>(mapper.Map(new RunStartedFrame { T = t0 }));
        return mapper;
    }

    [Fact]
    public void Times_become_relative_to_the_run_start()
    {
        var mapper = Started(1_000_000);
        var e = mapper.Map(new StepEndFrame { T = 1_500_000, Step = "0", Op = "write", Object = "p", Result = 5, Process = "a", Pid = 3 });
        Assert.Equal(500_000, e!.TNs);
        Assert.Equal("run1", e.RunId);
        Assert.Equal(("a", 3), (e.Process, e.Pid));
    }

    [Fact]
    public void Text_stays_text_and_binary_becomes_base64()
    {
        Assert.Equal(("héllo", null), FrameMapper.Encode("héllo"u8.ToArray()));
        Assert.Equal((null, "/wA="), FrameMapper.Encode([0xff, 0x00]));
    }

    [Fact]
    public void Signal_numbers_become_names()
    {
        var mapper = Started(0);
        var exit = Assert.IsType<ProcessExitEvent>(mapper.Map(new ProcessExitedFrame { T = 1, Signal = 13, Process = "w", Pid = 4 }));
        Assert.Equal("SIGPIPE", exit.Signal);
        var wait = Assert.IsType<SyscallEvent>(mapper.Map(new StepEndFrame { T = 2, Step = "1", Op = "wait", Target = "w", Result = 4, TermSignal = 9 }));
        Assert.Equal("SIGKILL", wait.TermSignal);
    }

    [Fact]
    public void A_blocked_frame_keeps_when_the_call_began()
    {
        var mapper = Started(100);
        var blocked = Assert.IsType<BlockedEvent>(mapper.Map(new BlockedFrame { T = 900, Since = 300, Step = "0", Op = "read", Object = "p", Call = "read", Wchan = "pipe_read" }));
        Assert.Equal((800L, 200L), (blocked.TNs, blocked.SinceNs!.Value));
        Assert.Equal("pipe_read", blocked.Wchan);
    }
}

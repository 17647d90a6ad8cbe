using IpcPlayground.Client.Services;
using IpcPlayground.Contracts.Events;

namespace IpcPlayground.UnitTests;

public sealed class RunEventLogTests
{
    [Fact]
    public void Events_that_arrive_twice_or_out_of_order_are_shown_once_in_seq_order()
    {
        var timeline = new RunEventLog();
        timeline.Add([new ProcessStartEvent { Seq = 2 }, new RunStartEvent { Seq = 1 }]);
        timeline.Add([new ProcessStartEvent { Seq = 2 }, new RunEndEvent { Seq = 3, Status = "completed" }]);

        Assert.Equal([1L, 2L, 3L], timeline.Events.Select(e => e.Seq));
        Assert.True(timeline.IsFinished);
        Assert.Equal("completed", timeline.Status);
    }

    [Fact]
    public void A_read_reads_like_the_system_call()
    {
        var text = EventText.Describe(new SyscallEvent { Op = "read", Object = "p", Result = 10, Data = "helloworld" });
        Assert.Equal("read(p) = 10 \"helloworld\"", text);
        Assert.Equal("write(p) = -1 EPIPE", EventText.Describe(new SyscallEvent { Op = "write", Object = "p", Result = -1, Errno = "EPIPE" }));
    }

    [Fact]
    public void A_signal_says_who_sent_it_how_and_with_what_value_and_a_merge_says_it_is_delivered_once()
    {
        Assert.Equal("SIGRTMIN+1 delivered: the handler ran — from alice by sigqueue, value 7 (SI_QUEUE)",
            EventText.Describe(new SignalEvent { Signal = "SIGRTMIN+1", Disposition = SignalDispositions.Handled, Code = "SI_QUEUE", Sender = "alice", Value = 7 }));
        Assert.Equal("SIGUSR1 merged into the one already pending (it will be delivered once) — from bob by kill (SI_USER)",
            EventText.Describe(new SignalEvent { Signal = "SIGUSR1", Disposition = SignalDispositions.Merged, Code = "SI_USER", Sender = "bob" }));
        Assert.Equal("killed by SIGSEGV (its default action dumps core)", EventText.Describe(new ProcessExitEvent { Signal = "SIGSEGV", Core = true }));
        Assert.Equal("stat(/sandbox/f) = 0 — fifo, mode 0644, 1 link(s), 0 bytes", EventText.Describe(new SyscallEvent
        {
            Op = "stat", Path = "/sandbox/f", Result = 0, File = new FileFacts { Type = FileTypes.Fifo, Mode = "0644", Nlink = 1, Size = 0 },
        }));
    }
}

using IpcPlayground.Contracts.Events;
using IpcPlayground.Runs;

namespace IpcPlayground.UnitTests;

public sealed class EventLogTests
{
    [Fact]
    public void Events_are_numbered_from_one_in_append_order()
    {
        var log = new EventLog();
        log.Append([new ProcessStartEvent { Process = "a" }, new ProcessStartEvent { Process = "b" }]);
        var third = log.Append([new RunEndEvent { Status = "completed" }]);

        Assert.Equal([1L, 2L, 3L], log.Snapshot().Select(e => e.Seq));
        Assert.Equal(3, third[0].Seq);
        Assert.True(log.IsCompleted);
    }

    [Fact]
    public void Nothing_is_appended_after_run_end()
    {
        var log = new EventLog();
        log.Append([new RunEndEvent { Status = "completed" }]);
        Assert.Empty(log.Append([new ErrorEvent { Message = "late" }]));
        Assert.Equal(1, log.Count);
    }

    [Fact]
    public async Task A_reader_gets_past_events_then_live_ones_then_the_end()
    {
        var log = new EventLog();
        log.Append([new RunStartEvent()]);
        var reading = Task.Run(async () =>
        {
            var seen = new List<RunEvent>();
            await foreach (var e in log.ReadAllAsync()) seen.Add(e);
            return seen;
        });
        await Task.Delay(50);
        log.Append([new ProcessStartEvent { Process = "a" }]);
        log.Append([new RunEndEvent { Status = "completed" }]);

        var seen = await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["run-start", "process-start", "run-end"], seen.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_cancelled_reader_stops_waiting()
    {
        var log = new EventLog();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in log.ReadAllAsync(cts.Token)) { }
        });
    }
}

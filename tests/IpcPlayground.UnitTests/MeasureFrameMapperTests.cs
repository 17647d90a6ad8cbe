using IpcPlayground.Contracts.Measurements;
using IpcPlayground.Runs.Measurements;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.UnitTests;

/// <summary>The worker's raw loop figures become the contract's cell: rates from messages and nanoseconds, percentiles, the C loop beside.</summary>
public sealed class MeasureFrameMapperTests
{
    private static readonly LoopFigures Loop = new() { Messages = 50_000, ElapsedNs = 250_000_000, P50 = 3000, P90 = 4000, P99 = 9000 };

    [Fact]
    public void Messages_and_bytes_a_second_come_from_the_messages_timed_and_their_nanoseconds()
    {
        var cell = MeasureFrameMapper.Cell(new MeasuredCellFrame
        {
            Mechanism = "pipe", Size = 4096, Worker = Loop, Reference = Loop with { ElapsedNs = 200_000_000, P50 = 2500 },
        }, MeasurePatterns.Stream);

        Assert.Equal(("pipe", 4096, "stream"), (cell.Mechanism, cell.Size, cell.Pattern));
        Assert.Equal(200_000, cell.MessagesPerSecond);
        Assert.Equal(200_000.0 * 4096, cell.BytesPerSecond);
        Assert.Equal(new LatencyPercentiles(3000, 4000, 9000), cell.LatencyNs);
        Assert.Equal(50_000, cell.Messages);
        Assert.Null(cell.Reason);
        Assert.Equal(new CellFigures { MessagesPerSecond = 250_000, BytesPerSecond = 250_000.0 * 4096, LatencyNs = new(2500, 4000, 9000), Messages = 50_000 }, cell.Reference);
    }

    [Fact]
    public void A_loop_without_stamps_has_no_latency_and_one_without_a_reference_has_none()
    {
        var cell = MeasureFrameMapper.Cell(new MeasuredCellFrame { Mechanism = "pipe", Size = 4, Worker = Loop with { P50 = null, P90 = null, P99 = null } }, MeasurePatterns.Stream);

        Assert.Null(cell.LatencyNs);
        Assert.Equal(200_000.0 * 4, cell.BytesPerSecond);
        Assert.Null(cell.Reference);
    }

    [Fact]
    public void A_cell_the_kernel_refuses_carries_the_reason_and_no_figures_for_the_worker_and_C_alike()
    {
        const string reason = "msgsnd: a System V message holds at most 8192 bytes (/proc/sys/kernel/msgmax)";
        var cell = MeasureFrameMapper.Cell(new MeasuredCellFrame
        {
            Mechanism = "sysv-msgq", Size = 65536, Worker = LoopFigures.Refused(reason), Reference = LoopFigures.Refused(reason),
        }, MeasurePatterns.Stream);

        Assert.Equal(reason, cell.Reason);
        Assert.Equal((null, null, null, null), (cell.MessagesPerSecond, cell.BytesPerSecond, cell.LatencyNs, cell.Messages));
        Assert.Equal(new CellFigures { Reason = reason }, cell.Reference);
    }

    [Fact]
    public void A_round_trip_that_carries_no_sized_message_has_a_rate_but_no_bytes_a_second()
    {
        var cell = MeasureFrameMapper.Cell(new MeasuredCellFrame { Mechanism = "eventfd", Size = 64, Worker = Loop }, MeasurePatterns.PingPong);

        Assert.Equal(200_000, cell.MessagesPerSecond);
        Assert.Null(cell.BytesPerSecond);
    }

    [Fact]
    public void Nothing_timed_gives_no_rate_rather_than_a_division_by_zero()
    {
        var figures = MeasureFrameMapper.Figures(new LoopFigures { Messages = 0, ElapsedNs = 0 }, "pipe", 64);

        Assert.Null(figures.MessagesPerSecond);
        Assert.Null(figures.BytesPerSecond);
    }

    [Fact]
    public void The_machine_frame_becomes_the_machine_of_the_end_and_the_summary()
    {
        var machine = MeasureFrameMapper.Machine(new MachineFrame
        {
            Cpus = 2, CpuModel = "AMD EPYC", Kernel = "6.1.0", MemcpyBytesPerSecond = new Dictionary<int, double> { [64] = 3e9, [65536] = 2.8e10 },
        });

        Assert.Equal((2, "AMD EPYC", "6.1.0"), (machine.Cpus, machine.CpuModel, machine.Kernel));
        Assert.Equal(2.8e10, machine.MemcpyBytesPerSecond![65536]);
    }
}

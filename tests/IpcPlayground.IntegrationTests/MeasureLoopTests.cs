using IpcPlayground.Contracts.Measurements;
using IpcPlayground.Testing;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// The measurement loops themselves, in a sandbox like a run's and without a server: every mechanism is timed by the
/// worker and by its C reference alike, and what the kernel cannot do is said the same way by both.
/// </summary>
public sealed class MeasureLoopTests
{
    public static TheoryData<string> Mechanisms => new(MeasureMechanisms.All.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public async Task Every_mechanism_is_timed_by_the_worker_and_by_its_C_reference(string name)
    {
        var mechanism = MeasureMechanisms.Named(name)!;
        foreach (var program in (string[])[MeasureBinaries.Worker, MeasureBinaries.Reference])
        {
            var roundTrips = await MeasureBinaries.LoopAsync(program, name, 64, MeasurePatterns.PingPong, CpuPlacements.Any, 200);
            Assert.Null(roundTrips.Reason);
            Assert.Equal(400, roundTrips.Messages);
            Assert.InRange(roundTrips.ElapsedNs!.Value, 1, long.MaxValue);
            Assert.True(roundTrips.P50 > 0 && roundTrips.P50 <= roundTrips.P90 && roundTrips.P90 <= roundTrips.P99, $"{program} {name}: p50 {roundTrips.P50}, p90 {roundTrips.P90}, p99 {roundTrips.P99}");
            if (!mechanism.Streams) continue;

            var stream = await MeasureBinaries.LoopAsync(program, name, 4096, MeasurePatterns.Stream, CpuPlacements.Any, 400);
            Assert.Null(stream.Reason);
            Assert.Equal(400, stream.Messages);
            // Every 16th message carries its send time: 25 of the 400 timed are stamped, so there are percentiles.
            Assert.True(stream.P50 > 0 && stream.P99 >= stream.P50, $"{program} {name}: p50 {stream.P50}, p99 {stream.P99}");
        }
    }

    [Fact]
    public async Task A_stream_of_messages_too_small_to_carry_a_send_time_has_throughput_but_no_latency()
    {
        foreach (var program in (string[])[MeasureBinaries.Worker, MeasureBinaries.Reference])
        {
            var figures = await MeasureBinaries.LoopAsync(program, MeasureMechanisms.Pipe.Name, 4, MeasurePatterns.Stream, CpuPlacements.Any, 1000);
            Assert.Equal(1000, figures.Messages);
            Assert.Null(figures.P50);
        }
    }

    [Theory]
    [InlineData("sysv-msgq", "/proc/sys/kernel/msgmax")]
    [InlineData("posix-mq", "/proc/sys/fs/mqueue/msgsize_max")]
    public async Task A_message_above_a_queue_limit_is_refused_with_the_limit_named_alike_by_the_worker_and_C(string mechanism, string limit)
    {
        var worker = await MeasureBinaries.LoopAsync(MeasureBinaries.Worker, mechanism, 65536, MeasurePatterns.Stream, CpuPlacements.Any, 10);
        var reference = await MeasureBinaries.LoopAsync(MeasureBinaries.Reference, mechanism, 65536, MeasurePatterns.Stream, CpuPlacements.Any, 10);
        Assert.Contains(limit, worker.Reason);
        Assert.Contains("8192 bytes", worker.Reason);
        Assert.Equal(worker.Reason, reference.Reason);
        Assert.Null(worker.Messages);
    }

    [Fact]
    public async Task Different_CPUs_in_a_sandbox_that_may_use_one_CPU_is_refused_saying_so()
    {
        var worker = await MeasureBinaries.LoopAsync(MeasureBinaries.Worker, MeasureMechanisms.Pipe.Name, 64, MeasurePatterns.PingPong, CpuPlacements.Different, 10, cpuList: "0");
        var reference = await MeasureBinaries.LoopAsync(MeasureBinaries.Reference, MeasureMechanisms.Pipe.Name, 64, MeasurePatterns.PingPong, CpuPlacements.Different, 10, cpuList: "0");
        Assert.Contains("one CPU", worker.Reason);
        Assert.Equal(worker.Reason, reference.Reason);

        var same = await MeasureBinaries.LoopAsync(MeasureBinaries.Worker, MeasureMechanisms.Pipe.Name, 64, MeasurePatterns.PingPong, CpuPlacements.Same, 10, cpuList: "0");
        Assert.Equal(20, same.Messages);
    }

    [Fact]
    public async Task Measure_describes_the_machine_then_times_each_cell_beside_C_with_the_same_iteration_count()
    {
        var frames = await MeasureBinaries.MeasureAsync(new MeasurePlan
        {
            Cells = [new(MeasureMechanisms.EventFd.Name, 64), new(MeasureMechanisms.EventFd.Name, 4096), new(MeasureMechanisms.ShmRing.Name, 4096)],
            Pattern = MeasurePatterns.PingPong, Cpus = CpuPlacements.Any, CellBudgetMs = 40, Reference = true, Seccomp = true,
        });

        var machine = Assert.IsType<MachineFrame>(frames[0]);
        Assert.InRange(machine.Cpus, 1, 4096);
        Assert.False(string.IsNullOrEmpty(machine.Kernel));
        Assert.Equal([64, 4096], machine.MemcpyBytesPerSecond!.Keys.Order());
        Assert.All(machine.MemcpyBytesPerSecond.Values, bps => Assert.InRange(bps, 1e8, 1e13));

        var cells = frames.Skip(1).Cast<MeasuredCellFrame>().ToList();
        Assert.Equal(["eventfd/64", "eventfd/4096", "shm-ring/4096"], cells.Select(c => $"{c.Mechanism}/{c.Size}"));
        foreach (var timed in (MeasuredCellFrame[])[cells[0], cells[2]])
        {
            Assert.Null(timed.Worker.Reason);
            // The iteration count fitted to the budget is the worker's; the C loop runs exactly as many.
            Assert.InRange(timed.Worker.Messages!.Value, 16, long.MaxValue);
            Assert.Equal(timed.Worker.Messages, timed.Reference!.Messages);
            Assert.NotNull(timed.Reference.P50);
        }
        // A counter carries no message of a size: it is timed once, and its other cells say where.
        Assert.Contains("size 64", cells[1].Worker.Reason);
        Assert.Equal(cells[1].Worker.Reason, cells[1].Reference!.Reason);
    }
}

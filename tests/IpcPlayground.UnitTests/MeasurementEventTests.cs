using System.Text.Json;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.UnitTests;

/// <summary>The measurement events as the contract writes them: <c>cell</c> with its figures and C reference, then <c>measure-end</c>.</summary>
public sealed class MeasurementEventTests
{
    [Fact]
    public void A_cell_and_the_end_read_and_write_as_the_contract_spells_them()
    {
        const string cell = """{"kind":"cell","mechanism":"pipe","size":4096,"pattern":"stream","messagesPerSecond":250000,"bytesPerSecond":1024000000,"latencyNs":{"p50":3000,"p90":5000,"p99":12000},"reference":{"messagesPerSecond":260000,"bytesPerSecond":1064960000,"latencyNs":{"p50":2900,"p90":4800,"p99":11000}}}""";
        var read = Assert.IsType<MeasurementCell>(JsonSerializer.Deserialize(cell, ContractsJsonContext.Default.MeasurementEvent));
        Assert.Equal(("pipe", 4096, "stream", 3000L, 11000L), (read.Mechanism, read.Size, read.Pattern, read.LatencyNs!.P50, read.Reference!.LatencyNs!.P99));
        Assert.Equal(cell, JsonSerializer.Serialize<MeasurementEvent>(read, ContractsJsonContext.Default.MeasurementEvent));

        var end = JsonSerializer.Deserialize("""{"kind":"measure-end","status":"completed"}""", ContractsJsonContext.Default.MeasurementEvent);
        Assert.Equal(MeasurementStatuses.Completed, Assert.IsType<MeasurementEnd>(end).Status);
    }

    [Fact]
    public void A_cell_the_kernel_cannot_do_says_why_instead_of_figures()
    {
        var cell = new MeasurementCell { Mechanism = "sysv-msgq", Size = 65536, Pattern = "stream", Reason = "msgsnd: EINVAL — a System V message holds at most 8192 bytes (msgmax)" };
        var json = JsonSerializer.Serialize<MeasurementEvent>(cell, ContractsJsonContext.Default.MeasurementEvent);
        Assert.DoesNotContain("messagesPerSecond", json, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"msgsnd: EINVAL", json, StringComparison.Ordinal);
    }
}

using IpcPlayground.Cli.Commands;
using IpcPlayground.Cli.Output;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.UnitTests;

/// <summary><c>ipcplay measure</c>: its options become the request the server gets (checked first), and its table lines up.</summary>
public sealed class MeasureCommandTests
{
    private static (MeasurementRequest Request, IReadOnlyList<Contracts.Experiments.ValidationError> Errors) Parse(string line) =>
        MeasureCommand.Request(MeasureCommand.Create().Parse(line));

    [Fact]
    public void Repeated_options_make_the_lists_and_left_out_ones_take_the_contracts_defaults()
    {
        var (request, errors) = Parse("--mechanism pipe --mechanism shm-ring --size 64 --size 64k --pattern ping-pong --cpus different --no-reference");
        Assert.Empty(errors);
        Assert.Equal([MeasureMechanisms.Pipe.Name, MeasureMechanisms.ShmRing.Name], request.Mechanisms);
        Assert.Equal([64, 65536], request.Sizes);
        Assert.Equal(MeasurePatterns.PingPong, request.Pattern);
        Assert.Equal(CpuPlacements.Different, request.Cpus);
        Assert.False(request.Reference);

        var (defaults, none) = Parse("");
        Assert.Empty(none);
        Assert.Equal(new MeasurementRequest(), defaults);
        Assert.Equal(MeasureMechanisms.Default, defaults.WithDefaults().Mechanisms);
    }

    [Fact]
    public void A_bad_option_is_named_by_its_json_path_before_anything_is_posted()
    {
        var (_, errors) = Parse("--mechanism eventfd --mechanism pipe --mechanism pipe --size 2m --size many --cpus elsewhere");
        Assert.Equal(["cpus", "mechanisms[0]", "mechanisms[2]", "sizes[0]", "sizes[1]"], errors.Select(e => e.Path).Order());
        Assert.Contains("measured as ping-pong", errors.Single(e => e.Path == "mechanisms[0]").Message, StringComparison.Ordinal);
        Assert.Contains("'many' is not a message size", errors.Single(e => e.Path == "sizes[1]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_prints_a_row_a_cell_under_one_header_and_the_end_last()
    {
        var output = new StringWriter();
        var printer = new CellPrinter(output, table: true);
        printer.Print(new MeasurementCell
        {
            Mechanism = MeasureMechanisms.ShmRing.Name, Size = 65536, Pattern = MeasurePatterns.Stream,
            MessagesPerSecond = 400_000, BytesPerSecond = 2.62144e10, LatencyNs = new(140, 900, 2_500_000),
            Reference = new CellFigures { MessagesPerSecond = 500_000, BytesPerSecond = 3.2768e10 },
        });
        printer.Print(new MeasurementCell { Mechanism = MeasureMechanisms.SysvMsgQueue.Name, Size = 65536, Pattern = MeasurePatterns.Stream, Reason = "msgmax is 8192 bytes" });
        printer.Print(new MeasurementEnd { Status = MeasurementStatuses.Completed });

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CellPrinter.Header, lines[0]);
        Assert.Equal("shm-ring      64 KiB       400,000   26,214.4   140 ns   900 ns  2.50 ms    500,000   32,768.0     0.80×", lines[1]);
        Assert.Equal("sysv-msgq     64 KiB             —          —        —        —        —          —          —         —  msgmax is 8192 bytes", lines[2]);
        Assert.Equal("measure-end: completed", lines[3]);
        Assert.Equal(lines[0].IndexOf("MB/s", StringComparison.Ordinal) + 4, lines[1].IndexOf("26,214.4", StringComparison.Ordinal) + "26,214.4".Length);
    }

    [Fact]
    public void Ndjson_prints_each_event_as_the_contract_spells_it()
    {
        var output = new StringWriter();
        new CellPrinter(output, table: false).Print(new MeasurementEnd { Status = MeasurementStatuses.Limit });
        Assert.Equal("""{"kind":"measure-end","status":"limit"}""" + Environment.NewLine, output.ToString());
    }
}

using System.Globalization;
using System.Text.Json;
using IpcPlayground.Contracts.Measurements;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Measuring;

/// <summary>
/// <c>ipcplay-worker measure</c>: reads a <see cref="MeasurePlan"/> on standard input and writes the machine, then a
/// cell a line as each finishes (the worker's loop, then the C reference's with the same iteration count).
/// <c>ipcplay-worker measure-loop MECHANISM SIZE PATTERN CPUS ITERATIONS</c>: one loop, printed as the C reference
/// prints it, so the two programs can be timed side by side.
/// </summary>
internal static class MeasureMain
{
    public static int Run(string[] args)
    {
        var line = Console.In.ReadLine();
        if (line is null || JsonSerializer.Deserialize(line, WorkerProtocolJsonContext.Default.MeasurePlan) is not { } plan)
        {
            Console.Error.WriteLine("measure: expected a measure plan on stdin");
            return 66;
        }
        var failures = new List<string>();
        Supervision.ProcessLimits.Apply(plan, failures);
        if (failures.Count > 0)
        {
            Console.Error.WriteLine($"measure: {string.Join("; ", failures)}");
            return 71;
        }
        // Each frame flushed as it is written: the server shows a cell the moment it is measured.
        using var output = new Supervision.ServerChannel<IMeasureFrame>(WorkerProtocolJsonContext.Default.IMeasureFrame);
        output.Write(MachineFacts.Describe(plan.Cells.Select(c => c.Size)));
        output.Flush();
        var placement = CpuPlacement.Of(plan.Cpus);
        var measuredAt = new Dictionary<string, int>();
        foreach (var cell in plan.Cells)
        {
            output.Write(Measure(plan, cell, placement, measuredAt));
            output.Flush();
        }
        return 0;
    }

    private static MeasuredCellFrame Measure(MeasurePlan plan, MeasureCellPlan cell, CpuPlacement placement, Dictionary<string, int> measuredAt)
    {
        MeasuredCellFrame Refused(string reason) => new() { Mechanism = cell.Mechanism, Size = cell.Size, Worker = LoopFigures.Refused(reason), Reference = plan.Reference ? LoopFigures.Refused(reason) : null };

        if (MeasureMechanisms.Named(cell.Mechanism) is not { } mechanism) return Refused($"{cell.Mechanism} is not a mechanism");
        if (!mechanism.Streams)
        {
            if (plan.Pattern != MeasurePatterns.PingPong) return Refused($"{mechanism.Name} carries no message of a size: it is measured as ping-pong only");
            // It carries no message of the cell's size: one cell times it, the others say where.
            if (measuredAt.TryGetValue(mechanism.Name, out var at))
                return Refused($"{mechanism.Name} carries no message of a size: it is timed once, in its cell of size {at}");
            measuredAt[mechanism.Name] = cell.Size;
        }
        try
        {
            var (worker, iterations) = AdaptiveIterations.Run(n => MeasureLoop.Run(cell.Mechanism, cell.Size, plan.Pattern, placement, n), plan.CellBudgetMs);
            var reference = !plan.Reference ? null
                : worker.Reason is { } reason ? LoopFigures.Refused(reason)
                : ReferenceLoop.Run(cell.Mechanism, cell.Size, plan.Pattern, plan.Cpus, iterations);
            return new MeasuredCellFrame { Mechanism = cell.Mechanism, Size = cell.Size, Worker = worker, Reference = reference };
        }
        catch (MeasureFailedException e)
        {
            return Refused($"the loop could not be set up: {e.Message}");
        }
    }

    public static int RunOne(string[] args)
    {
        if (args.Length != 6)
        {
            Console.Error.WriteLine("usage: ipcplay-worker measure-loop MECHANISM SIZE PATTERN CPUS ITERATIONS");
            return 64;
        }
        var figures = MeasureLoop.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3], CpuPlacement.Of(args[4]),
            long.Parse(args[5], CultureInfo.InvariantCulture));
        Console.WriteLine(JsonSerializer.Serialize(figures, WorkerProtocolJsonContext.Default.LoopFigures));
        return 0;
    }
}

using System.CommandLine;
using IpcPlayground.Cli.Output;
using IpcPlayground.Cli.Running;
using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.Cli.Commands;

/// <summary>
/// <c>ipcplay measure [--mechanism M ...] [--size N ...] [--pattern P] [--cpus C] [--no-reference] [--ndjson] [--server URL]</c>:
/// times mechanisms on a server and prints each cell as it finishes. Options left out take the contract's defaults.
/// </summary>
public static class MeasureCommand
{
    public static Command Create()
    {
        var mechanism = new Option<string[]>("--mechanism", "-m")
        {
            Description = "a mechanism to time (repeat for more): " + string.Join(", ", MeasureMechanisms.All.Select(m => m.Name)),
        };
        var size = new Option<string[]>("--size")
        {
            Description = "a message size in bytes, or with k/KiB/m/MiB (repeat for more); default " + string.Join(", ", MeasurementRequest.DefaultSizes),
        };

        var pattern = new Option<string?>("--pattern") { Description = string.Join(" or ", MeasurePatterns.All) + " (default stream)" };
        var cpus = new Option<string?>("--cpus") { Description = string.Join(", ", CpuPlacements.All) + " (default any): on a VM the cross-CPU wake-up dominates" };
        var noReference = new Option<bool>("--no-reference") { Description = "do not time the C loop beside the worker's" };
        var ndjson = new Option<bool>("--ndjson") { Description = "print the events as NDJSON lines as they arrive, instead of a table" };
        var server = ServerOption.Create("measure on this playground server");
        var command = new Command("measure", "Time IPC mechanisms on a server, beside the same loops in C; the exit code says how the measurement ended.")
        {
            mechanism, size, pattern, cpus, noReference, ndjson, server,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (request, errors) = Request(parse);
            if (errors.Count > 0)
            {
                foreach (var error in errors) await Console.Error.WriteLineAsync($"measure: {error.Path}: {error.Message}");
                return ExitCodes.InvalidExperiment;
            }
            if (parse.GetValue(server) is not { } target)
            {
                await Console.Error.WriteLineAsync("ipcplay measure: name a server with --server URL or IPCPLAY_SERVER");
                return ExitCodes.Unavailable;
            }
            using var http = ServerOption.Client(target);
            var printer = new CellPrinter(Console.Out, table: !parse.GetValue(ndjson));
            string? status = null;
            try
            {
                await foreach (var e in new RemoteMeasurer(http).MeasureAsync(request, cancellationToken))
                {
                    printer.Print(e);
                    if (e is MeasurementEnd end) status = end.Status;
                }
            }
            catch (ServerRefusedException e) when (e.Status is 400 or 413)
            {
                await Console.Error.WriteLineAsync($"measure: {e.Message}");
                return ExitCodes.InvalidExperiment;
            }
            catch (Exception e) when (e is HttpRequestException or ServerRefusedException or InvalidOperationException or System.Text.Json.JsonException)
            {
                await Console.Error.WriteLineAsync($"ipcplay: cannot measure: {e.Message}");
                return ExitCodes.Unavailable;
            }
            return status == MeasurementStatuses.Completed ? ExitCodes.Completed : ExitCodes.RunDidNotComplete;
        });
        return command;
    }

    /// <summary>
    /// The request the options spell (fields left out stay null: the server applies the contract's defaults), with
    /// MeasurementValidator's errors by path — and a size that is not a number, at its path too.
    /// </summary>
    public static (MeasurementRequest Request, IReadOnlyList<Contracts.Experiments.ValidationError> Errors) Request(ParseResult parse)
    {
        var errors = new List<Contracts.Experiments.ValidationError>();
        var sizeTexts = parse.GetValue<string[]>("--size") ?? [];
        var sizes = new List<int>();
        for (var i = 0; i < sizeTexts.Length; i++)
        {
            if (MessageSizes.Parse(sizeTexts[i]) is { } size) sizes.Add(size);
            else errors.Add(new($"sizes[{i}]", $"'{sizeTexts[i]}' is not a message size in bytes"));
        }
        var mechanisms = parse.GetValue<string[]>("--mechanism") ?? [];
        var request = new MeasurementRequest
        {
            Mechanisms = mechanisms.Length > 0 ? mechanisms : null,
            Sizes = sizeTexts.Length > 0 ? sizes : null,
            Pattern = parse.GetValue<string?>("--pattern"),
            Cpus = parse.GetValue<string?>("--cpus"),
            Reference = parse.GetValue<bool>("--no-reference") ? false : null,
        };
        errors.AddRange(MeasurementValidator.Validate(request));
        return (request, errors);
    }
}

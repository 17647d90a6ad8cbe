using System.CommandLine;
using IpcPlayground.Cli.Output;
using IpcPlayground.Cli.Running;
using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Cli.Commands;

/// <summary><c>ipcplay run FILE</c>: runs the experiment and prints its events as they come.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var file = ExperimentFile.Argument();
        var server = ServerOption.Create("run on this playground server");
        var local = new Option<bool>("--local") { Description = "run in a bubblewrap sandbox started here (the default when no server is given)" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "table, or ndjson (one event a line, as the server streams them; the default when output is not a terminal)",
            DefaultValueFactory = _ => Console.IsOutputRedirected ? "ndjson" : "table",
        };
        format.AcceptOnlyFromAmong("table", "ndjson");
        var command = new Command("run", "Run an experiment and print its events; the exit code says how the run ended.") { file, server, local, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var experiment = await ExperimentFile.LoadAsync(parse.GetValue(file)!, cancellationToken);
            if (!experiment.ReportErrors(Console.Error)) return ExitCodes.InvalidExperiment;
            var target = parse.GetValue(server);
            using var http = target is not null && !parse.GetValue(local) ? ServerOption.Client(target) : null;
            IEventSource source = http is not null ? new RemoteRunner(http) : new LocalRunner();
            var printer = new EventPrinter(Console.Out, parse.GetValue(format) == "table");
            string? status = null;
            try
            {
                await foreach (var e in source.RunAsync(experiment, cancellationToken))
                {
                    printer.Print(e);
                    if (e is RunEndEvent end) status = end.Status;
                }
            }
            catch (ServerRefusedException e) when (e.Status is 400 or 413)
            {
                await Console.Error.WriteLineAsync($"{experiment.Name}: {e.Message}");
                return ExitCodes.InvalidExperiment;
            }
            catch (Exception e) when (e is HttpRequestException or ServerRefusedException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"ipcplay: cannot run {experiment.Name}: {e.Message}");
                return ExitCodes.Unavailable;
            }
            return status == RunStatuses.Completed ? ExitCodes.Completed : ExitCodes.RunDidNotComplete;
        });
        return command;
    }
}

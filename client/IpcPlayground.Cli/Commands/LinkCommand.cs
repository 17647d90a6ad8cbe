using System.CommandLine;
using IpcPlayground.Contracts.Sharing;

namespace IpcPlayground.Cli.Commands;

/// <summary><c>ipcplay link FILE</c>: a self-contained link (the experiment travels in the URL; nothing is stored).</summary>
public static class LinkCommand
{
    public static Command Create()
    {
        var file = ExperimentFile.Argument();
        var server = ServerOption.Create("the playground the link opens");
        var command = new Command("link", "Print a link that carries the whole experiment in its fragment; no server stores it.") { file, server };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var experiment = await ExperimentFile.LoadAsync(parse.GetValue(file)!, cancellationToken);
            if (!experiment.ReportErrors(Console.Error)) return ExitCodes.InvalidExperiment;
            var root = parse.GetValue(server) ?? new Uri("http://127.0.0.1:5080/");
            Console.WriteLine(new UriBuilder(root) { Path = "/", Fragment = SelfContainedLink.Fragment(experiment.Bytes) }.Uri);
            return ExitCodes.Completed;
        });
        return command;
    }
}

using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IpcPlayground.Contracts.Json;

namespace IpcPlayground.Cli.Commands;

/// <summary><c>ipcplay share FILE --server URL</c>: stores the experiment and prints its link.</summary>
public static class ShareCommand
{
    public static Command Create()
    {
        var file = ExperimentFile.Argument();
        var server = ServerOption.Create("the playground server to store it on");
        var command = new Command("share", "Store an experiment on a server and print the link that opens it.") { file, server };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var experiment = await ExperimentFile.LoadAsync(parse.GetValue(file)!, cancellationToken);
            if (!experiment.ReportErrors(Console.Error)) return ExitCodes.InvalidExperiment;
            if (parse.GetValue(server) is not { } target)
            {
                await Console.Error.WriteLineAsync("ipcplay share: name a server with --server URL or IPCPLAY_SERVER");
                return ExitCodes.Unavailable;
            }
            using var http = ServerOption.Client(target);
            using var content = new ByteArrayContent(experiment.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            try
            {
                using var response = await http.PostAsync("/api/experiments", content, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    await Console.Error.WriteLineAsync($"{experiment.Name}: the server answered {(int)response.StatusCode}: {body}");
                    return (int)response.StatusCode is 400 or 413 ? ExitCodes.InvalidExperiment : ExitCodes.Unavailable;
                }
                var shared = JsonSerializer.Deserialize(body, ContractsJsonContext.Default.SharedExperiment)!;
                Console.WriteLine(new Uri(target, shared.Url));
                return ExitCodes.Completed;
            }
            catch (HttpRequestException e)
            {
                await Console.Error.WriteLineAsync($"ipcplay share: {target}: {e.Message}");
                return ExitCodes.Unavailable;
            }
        });
        return command;
    }
}

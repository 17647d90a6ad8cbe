using System.CommandLine;

namespace IpcPlayground.Cli.Commands;

/// <summary><c>ipcplay validate FILE</c>: the checks the server makes, without running anything.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var file = ExperimentFile.Argument();
        var command = new Command("validate", "Check an experiment and name each error by its JSON path.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var experiment = await ExperimentFile.LoadAsync(parse.GetValue(file)!, cancellationToken);
            if (!experiment.ReportErrors(Console.Error)) return ExitCodes.InvalidExperiment;
            Console.WriteLine($"{experiment.Name}: valid");
            return ExitCodes.Completed;
        });
        return command;
    }
}

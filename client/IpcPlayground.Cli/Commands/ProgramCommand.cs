using System.CommandLine;
using IpcPlayground.Exports;

namespace IpcPlayground.Cli.Commands;

/// <summary><c>ipcplay program FILE</c>: the experiment as a standalone C program making the same system calls.</summary>
public static class ProgramCommand
{
    public static Command Create()
    {
        var file = ExperimentFile.Argument();
        var command = new Command("program", "Print the experiment as a standalone C program (gcc -Wall -O1 -o x x.c -lrt -pthread).") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var experiment = await ExperimentFile.LoadAsync(parse.GetValue(file)!, cancellationToken);
            if (!experiment.ReportErrors(Console.Error)) return ExitCodes.InvalidExperiment;
            await Console.Out.WriteAsync(CProgramExport.Generate(experiment.Read.Experiment!));
            return ExitCodes.Completed;
        });
        return command;
    }
}

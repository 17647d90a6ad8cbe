using System.CommandLine;
using IpcPlayground.Fidelity.Oracle;

namespace IpcPlayground.Cli.Commands;

/// <summary>
/// <c>ipcplay check FILE</c>: the fidelity oracle on one experiment — its run in a local sandbox beside its C program
/// in the same sandbox; exit 0 when they agree, 1 with the first divergence of each process when they do not.
/// </summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var file = ExperimentFile.Argument();
        var traces = new Option<bool>("--traces") { Description = "print both normalised traces too" };
        var command = new Command("check", "Run the experiment and its C program side by side in the sandbox and compare what the kernel did.") { file, traces };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var experiment = await ExperimentFile.LoadAsync(parse.GetValue(file)!, cancellationToken);
            if (!experiment.ReportErrors(Console.Error)) return ExitCodes.InvalidExperiment;
            await using var engine = await PlaygroundEngine.StartAsync(parallelRuns: 1, cancellationToken);
            var verdict = await new DifferentialOracle(engine).CheckAsync(experiment.Read.Experiment!, cancellationToken);
            if (parse.GetValue(traces))
            {
                Console.WriteLine("== C program\n" + verdict.Program);
                Console.WriteLine("== playground\n" + verdict.Run);
            }
            Console.WriteLine(verdict.Report());
            return verdict.Agrees ? ExitCodes.Completed : ExitCodes.RunDidNotComplete;
        });
        return command;
    }
}

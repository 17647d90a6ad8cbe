using System.CommandLine;
using IpcPlayground.Contracts.Lessons;

namespace IpcPlayground.Cli.Commands;

/// <summary><c>ipcplay lessons [ID]</c>: lists the lesson library, or prints one lesson's experiment (to pipe into run).</summary>
public static class LessonsCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "a lesson id: print its experiment JSON", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("lessons", "List the lesson library, or print one lesson's experiment.") { id };
        command.SetAction(parse =>
        {
            if (parse.GetValue(id) is not { } wanted)
            {
                foreach (var lesson in LessonLibrary.All) Console.WriteLine($"{lesson.Id,-28} {lesson.Title.En}");
                return ExitCodes.Completed;
            }
            if (LessonLibrary.All.FirstOrDefault(l => l.Id == wanted) is not { } found)
            {
                Console.Error.WriteLine($"ipcplay lessons: no lesson '{wanted}'; `ipcplay lessons` lists them");
                return ExitCodes.InvalidExperiment;
            }
            Console.WriteLine(found.ExperimentJson);
            return ExitCodes.Completed;
        });
        return command;
    }
}

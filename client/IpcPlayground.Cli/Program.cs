using System.CommandLine;
using IpcPlayground.Cli.Commands;

// ipcplay run FILE [--server URL | --local] [--format table|ndjson]; predict FILE --server URL; validate FILE; share FILE; link FILE; lessons [ID];
// program FILE; check FILE; fuzz [--seed S] [--count N];
// measure [--mechanism M ...] [--size N ...] [--pattern stream|ping-pong] [--cpus same|different|any] [--no-reference] [--ndjson] [--server URL]
var root = new RootCommand("IPC Playground from the command line: run experiments and watch their real system calls.")
{
    RunCommand.Create(),
    PredictCommand.Create(),
    ValidateCommand.Create(),
    ShareCommand.Create(),
    LinkCommand.Create(),
    LessonsCommand.Create(),
    ProgramCommand.Create(),
    CheckCommand.Create(),
    FuzzCommand.Create(),
    MeasureCommand.Create(),
};
return await root.Parse(args).InvokeAsync();

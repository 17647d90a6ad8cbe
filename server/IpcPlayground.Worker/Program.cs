using IpcPlayground.Worker.Execution;
using IpcPlayground.Worker.Supervision;

try
{
    return args.FirstOrDefault() switch
    {
        "supervise" => SupervisorMain.Run(args),
        "work" => WorkerMain.Run(args),
        "measure" => IpcPlayground.Worker.Measuring.MeasureMain.Run(args),
        "measure-loop" => IpcPlayground.Worker.Measuring.MeasureMain.RunOne(args),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"ipcplay-worker: {e.Message}");
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: ipcplay-worker supervise --socket NAME   (reads a run plan on stdin)");
    Console.Error.WriteLine("       ipcplay-worker work --process ID --supervisor NAME [--fd OBJ.END=N ...] [--sysv OBJ=ID ...]");
    Console.Error.WriteLine("       ipcplay-worker measure   (reads a measure plan on stdin)");
    Console.Error.WriteLine("       ipcplay-worker measure-loop MECHANISM SIZE PATTERN CPUS ITERATIONS");
    return 64;
}

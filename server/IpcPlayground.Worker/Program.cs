using IpcPlayground.Worker.Execution;
using IpcPlayground.Worker.Supervision;

try
{
    return args.FirstOrDefault() switch
    {
        "supervise" => SupervisorMain.Run(args),
        "work" => WorkerMain.Run(args),
        "bench" => IpcPlayground.Worker.Benchmarking.IpcBench.Run(args),
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
    return 64;
}

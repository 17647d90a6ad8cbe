using System.Text.Json;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary><c>ipcplay-worker supervise --socket NAME</c>: reads the run plan (one JSON line) on stdin and runs it.</summary>
internal static class SupervisorMain
{
    public static int Run(string[] args)
    {
        var socket = args.Length >= 3 && args[1] == "--socket" ? args[2] : "ipcplay-supervisor";
        var line = Console.In.ReadLine();
        if (string.IsNullOrWhiteSpace(line))
        {
            Console.Error.WriteLine("supervise: expected a run plan on stdin");
            return 66;
        }
        var plan = JsonSerializer.Deserialize(line, WorkerProtocolJsonContext.Default.RunPlan)
            ?? throw new InvalidDataException("empty run plan");
        using var channel = new ServerChannel();
        return new Supervisor(plan, socket, channel).Run();
    }
}

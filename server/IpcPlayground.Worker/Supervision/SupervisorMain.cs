namespace IpcPlayground.Worker.Supervision;

/// <summary><c>ipcplay-worker supervise --socket NAME</c>: reads the run plan (one JSON line) on stdin and runs it;
/// step-mode commands may follow on later lines.</summary>
internal static class SupervisorMain
{
    public static int Run(string[] args)
    {
        var socket = args.Length >= 3 && args[1] == "--socket" ? args[2] : "ipcplay-supervisor";
        var input = new ServerInput();
        var plan = input.ReadPlan();
        if (plan is null)
        {
            Console.Error.WriteLine("supervise: expected a run plan on stdin");
            return 66;
        }
        using var channel = new ServerChannel();
        return new Supervisor(plan, socket, channel, input).Run();
    }
}

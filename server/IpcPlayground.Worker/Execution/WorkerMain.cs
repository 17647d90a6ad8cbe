using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>
/// <c>ipcplay-worker work --process ID --supervisor NAME [--fd OBJ.END=N ...] [--sysv OBJ=ID ...] [--ready FD]</c>:
/// one process of the experiment.
/// </summary>
internal static class WorkerMain
{
    public static int Run(string[] args)
    {
        string? process = null, socket = null;
        int? ready = null;
        var ends = new ObjectHandles();
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--process": process = args[i + 1]; break;
                case "--supervisor": socket = args[i + 1]; break;
                case "--fd": ends.ParseDescriptor(args[i + 1]); break;
                case "--sysv": ends.ParseSysvId(args[i + 1]); break;
                case "--ready": ready = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (process is null || socket is null) throw new ArgumentException("work needs --process and --supervisor");
        DetachFromSupervisorPipes();
        WorkerSignals.StartAsACProgram();
        if (ready is { } fd) ReadyChild.Announce(fd);

        var link = SupervisorLink.Connect(socket, process);
        int code;
        try
        {
            var script = link.Hello();
            var runner = new StepRunner(link, ends, socket, script);
            runner.MakeOwnedObjects(script.Process.Creates);
            runner.BindSockets(script.Process.Binds ?? []);
            code = runner.Run(script.Process.Steps) ?? 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            link.Send(new FailureFrame { Message = $"worker '{process}' stopped: {e.Message}" });
            code = 70;
        }
        link.Send(new ExitingFrame { Code = code });
        Libc.Exit(code);
        return code;
    }

    /// <summary>Descriptors 0 and 1 arrive as the supervisor's pipes to the server; a worker must not hold those open.</summary>
    private static void DetachFromSupervisorPipes()
    {
        var devNull = Libc.Open("/dev/null", 2);
        if (devNull < 0) return;
        Libc.Dup2(devNull, 0);
        Libc.Dup2(devNull, 1);
        if (devNull > 2) Libc.Close(devNull);
    }
}

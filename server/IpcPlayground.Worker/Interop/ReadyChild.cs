using System.Globalization;

namespace IpcPlayground.Worker.Interop;

/// <summary>
/// Spawns a child and returns once the child runs as a C program would (every signal unblocked and at its default),
/// as fork returns with the child already there: the child closes its end of a pipe then. Before that its runtime is
/// starting with every signal blocked, and a signal sent to it would wait pending instead of acting as it would in C.
/// </summary>
internal static unsafe class ReadyChild
{
    private const int F_SETFD = 2;

    /// <summary>The pid, or -errno.</summary>
    public static int Spawn(List<string> args)
    {
        var fds = stackalloc int[2];
        if (Libc.Pipe2(fds, Libc.O_CLOEXEC) != 0) return -Errno.Last();
        // The child inherits only the write end, and holds it only until it is ready.
        Libc.Fcntl(fds[1], F_SETFD, 0);
        args.AddRange(["--ready", fds[1].ToString(CultureInfo.InvariantCulture)]);
        var pid = Spawner.Spawn(args);
        Libc.Close(fds[1]);
        byte ignored;
        while (Libc.Read(fds[0], &ignored, 1) is var n && (n > 0 || (n < 0 && Errno.Last() == Libc.EINTR))) { }
        Libc.Close(fds[0]);
        return pid;
    }

    /// <summary>The child's side: its signals are set up, so the parent's spawn may return.</summary>
    public static void Announce(int readyFd) => Libc.Close(readyFd);
}

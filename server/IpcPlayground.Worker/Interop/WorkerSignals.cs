namespace IpcPlayground.Worker.Interop;

/// <summary>
/// The signals an experiment may send, block or handle: 1 to 31 without the synchronous faults (SIGILL, SIGTRAP,
/// SIGABRT, SIGBUS, SIGFPE, SIGSEGV) that the runtime needs on every thread, and without SIGKILL and SIGSTOP,
/// which cannot be blocked anyway.
/// </summary>
internal static unsafe class WorkerSignals
{
    public static readonly int[] Asynchronous =
        Enumerable.Range(1, 31).Where(s => s is not (4 or 5 or 6 or 7 or 8 or 9 or 11 or 19)).ToArray();

    /// <summary>The main thread starts with nothing blocked, as a C program does; the runtime's threads keep them all blocked.</summary>
    public static void UnblockOnThisThread()
    {
        var set = stackalloc ulong[16];
        foreach (var signal in Asynchronous) set[0] |= 1UL << (signal - 1);
        _ = Libc.SigProcMask(Libc.SIG_UNBLOCK, set, null);
        // The .NET runtime ignores SIGPIPE when it starts; a C program starts with the default, which kills.
        _ = Libc.SetDisposition(Libc.SIGPIPE, 0);
    }
}

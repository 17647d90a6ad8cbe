using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Worker.Interop;

/// <summary>
/// The signals an experiment may send, block or handle: the standard ones, 1 to 31 (SIGKILL and SIGSTOP cannot be
/// blocked or handled, but can be sent), and the real-time ones, SIGRTMIN to SIGRTMAX. The .NET runtime's own threads
/// keep every one of them blocked, so a signal meant for the experiment is taken by the thread that runs its steps,
/// as in a one-threaded C program. SIGRTMIN is also the runtime's own signal for reaching its threads: see
/// <see cref="RuntimeSignal"/> and Native/signal_handler.c.
/// </summary>
internal static unsafe class WorkerSignals
{

    /// <summary>The NativeAOT runtime's activation signal (glibc's SIGRTMIN), which it sends its own threads to suspend them for a collection.</summary>
    public const int RuntimeSignal = SignalNames.RealtimeMin;

    /// <summary>The signals an experiment names but SIGKILL and SIGSTOP, which no mask or disposition touches.</summary>
    public static readonly int[] Blockable = [.. SignalNames.All.Where(s => s is not (9 or 19))];

    /// <summary>
    /// The hardware-fault signals, which the runtime catches to turn faults into managed exceptions: a worker hands
    /// them back to their default actions, as a C program has them, so kill(SIGSEGV) kills it as it kills a C program
    /// (a fault in the worker's own code, a bug, then ends it as a crash instead of an exception).
    /// </summary>
    private static readonly int[] Faults = [4, 5, 6, 7, 8, 11];

    /// <summary>The steps' thread starts with nothing blocked and every signal at its default action, as a C program does.</summary>
    public static void StartAsACProgram()
    {
        var set = stackalloc ulong[16];
        foreach (var signal in Blockable) set[0] |= 1UL << (signal - 1);
        _ = Libc.SigProcMask(Libc.SIG_UNBLOCK, set, null);
        foreach (var signal in Faults) _ = Libc.SetDisposition(signal, 0);
        // The .NET runtime ignores SIGPIPE when it starts; a C program starts with the default, which kills.
        _ = Libc.SetDisposition(Libc.SIGPIPE, 0);
        // SIGRTMIN from another process kills, as its default does in a C program; the runtime's own still reach it.
        _ = Libc.TakeRuntimeSignal(RuntimeSignal);
    }
}

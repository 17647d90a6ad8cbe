namespace IpcPlayground.Contracts.Events;

/// <summary>
/// The names of siginfo's <c>si_code</c>, as a <c>signal</c> event's <c>code</c> carries them: who or what sent the
/// signal (SI_USER for kill, SI_QUEUE for sigqueue, SI_KERNEL …) or, for a signal the kernel raises for a fault or a
/// child, why (SEGV_MAPERR, FPE_INTDIV, CLD_EXITED …). The positive codes mean something only with their signal.
/// </summary>
public static class SignalCodes
{
    public const int User = 0, Kernel = 0x80, Queue = -1, Timer = -2, MessageQueue = -3, AsyncIo = -4, SigIo = -5, TKill = -6;

    public static string Name(int signal, int code) => code switch
    {
        User => "SI_USER",
        Kernel => "SI_KERNEL",
        Queue => "SI_QUEUE",
        Timer => "SI_TIMER",
        MessageQueue => "SI_MESGQ",
        AsyncIo => "SI_ASYNCIO",
        SigIo => "SI_SIGIO",
        TKill => "SI_TKILL",
        > 0 when ForSignal(signal) is { } names && code <= names.Length => names[code - 1],
        _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Whether a code by name says the kernel raised the signal (a fault, a child's end, SIGPIPE's SI_KERNEL …) rather than a process's kill, sigqueue or tkill.</summary>
    public static bool FromKernel(string? code) => code is not (null or "SI_USER" or "SI_QUEUE" or "SI_TKILL");

    /// <summary>Whether <c>si_pid</c> names the process that sent it (a process's kill or sigqueue, or a child for SIGCHLD).</summary>
    public static bool NamesSender(int signal, int code) => code is User or Queue or TKill || (signal == 17 && code > 0);

    private static string[]? ForSignal(int signal) => signal switch
    {
        4 => ["ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK"],
        8 => ["FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB"],
        11 => ["SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR"],
        7 => ["BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR", "BUS_MCEERR_AO"],
        5 => ["TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT"],
        17 => ["CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"],
        29 => ["POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI", "POLL_HUP"],
        _ => null,
    };
}

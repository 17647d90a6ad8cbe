namespace IpcPlayground.Contracts.Experiments;

/// <summary>The <c>kind</c> of a <c>fault</c> step, and the signal the kernel answers each with.</summary>
public static class FaultKinds
{
    /// <summary>A store through a null pointer: SIGSEGV, SEGV_MAPERR.</summary>
    public const string Segv = "segv";

    /// <summary>An integer division by zero: SIGFPE, FPE_INTDIV.</summary>
    public const string Fpe = "fpe";

    /// <summary>A store past the end of a shared mapping of a shorter file: SIGBUS, BUS_ADRERR.</summary>
    public const string Bus = "bus";

    /// <summary>An illegal instruction (ud2 on x86-64): SIGILL, ILL_ILLOPN.</summary>
    public const string Ill = "ill";

    /// <summary>abort(3): SIGABRT, raised by the process itself.</summary>
    public const string Abort = "abort";

    public static readonly IReadOnlyList<string> All = [Segv, Fpe, Bus, Ill, Abort];

    public static int Number(string kind) => kind switch
    {
        Segv => 0, Fpe => 1, Bus => 2, Ill => 3, Abort => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a fault kind"),
    };

    public static string SignalOf(string kind) => kind switch
    {
        Segv => "SIGSEGV", Fpe => "SIGFPE", Bus => "SIGBUS", Ill => "SIGILL", Abort => "SIGABRT",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a fault kind"),
    };
}

namespace IpcPlayground.Contracts.Experiments;

/// <summary>Linux x86-64 signal names and numbers, as <c>"SIGUSR1"</c> is spelled in experiments and events.</summary>
public static class SignalNames
{
    /// <summary>glibc's SIGRTMIN (the kernel's 32 and 33 are the threading library's own) and SIGRTMAX.</summary>
    public const int RealtimeMin = 34, RealtimeMax = 64;

    /// <summary>
    /// SIGRTMIN, which the NativeAOT runtime of the worker also uses to reach its threads: it can be sent and handled
    /// as in C, but not blocked (the runtime's threads keep it deliverable).
    /// </summary>
    public const string RuntimeReserved = "SIGRTMIN";

    public static IReadOnlyDictionary<string, int> Numbers { get; } = Build();

    /// <summary>Every signal number an experiment may name, lowest first: 1 to 31, then SIGRTMIN to SIGRTMAX.</summary>
    public static IReadOnlyList<int> All { get; } = [.. Numbers.Values.Order()];

    private static Dictionary<string, int> Build()
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["SIGHUP"] = 1, ["SIGINT"] = 2, ["SIGQUIT"] = 3, ["SIGILL"] = 4, ["SIGTRAP"] = 5, ["SIGABRT"] = 6,
            ["SIGBUS"] = 7, ["SIGFPE"] = 8, ["SIGKILL"] = 9, ["SIGUSR1"] = 10, ["SIGSEGV"] = 11, ["SIGUSR2"] = 12,
            ["SIGPIPE"] = 13, ["SIGALRM"] = 14, ["SIGTERM"] = 15, ["SIGSTKFLT"] = 16, ["SIGCHLD"] = 17, ["SIGCONT"] = 18,
            ["SIGSTOP"] = 19, ["SIGTSTP"] = 20, ["SIGTTIN"] = 21, ["SIGTTOU"] = 22, ["SIGURG"] = 23, ["SIGXCPU"] = 24,
            ["SIGXFSZ"] = 25, ["SIGVTALRM"] = 26, ["SIGPROF"] = 27, ["SIGWINCH"] = 28, ["SIGIO"] = 29, ["SIGPWR"] = 30,
            ["SIGSYS"] = 31,
        };
        for (var n = RealtimeMin; n <= RealtimeMax; n++) numbers[Realtime(n)] = n;
        return numbers;
    }

    /// <summary><c>SIGRTMIN</c>, <c>SIGRTMIN+1</c> … <c>SIGRTMIN+29</c>, <c>SIGRTMAX</c>.</summary>
    private static string Realtime(int number) =>
        number == RealtimeMin ? "SIGRTMIN" : number == RealtimeMax ? "SIGRTMAX" : $"SIGRTMIN+{number - RealtimeMin}";

    public static bool IsRealtime(int number) => number is >= RealtimeMin and <= RealtimeMax;

    /// <summary>Whether the signal's default action ends the process with a core dump (signal(7): "Core").</summary>
    public static bool DumpsCore(int number) => number is 3 or 4 or 5 or 6 or 7 or 8 or 11 or 24 or 25 or 31;

    public static string Name(int number) =>
        Numbers.FirstOrDefault(p => p.Value == number).Key ?? $"SIG{number}";
}

/// <summary>The <c>flags</c> of a <c>handle</c> step: sigaction's SA_RESTART, SA_RESETHAND and SA_NODEFER.</summary>
public static class SignalFlags
{
    /// <summary>SA_RESTART: a blocking call the handler interrupted is restarted instead of failing with EINTR (where signal(7) says it can be).</summary>
    public const string Restart = "restart";

    /// <summary>SA_RESETHAND: the disposition goes back to the default as the handler is entered.</summary>
    public const string ResetHand = "resethand";

    /// <summary>SA_NODEFER: the signal is not blocked while its handler runs.</summary>
    public const string NoDefer = "nodefer";

    public static readonly IReadOnlyList<string> All = [Restart, ResetHand, NoDefer];
}

/// <summary>The <c>action</c> of a <c>handle</c> step.</summary>
public static class SignalActions
{
    /// <summary>Install a handler that reports each delivery.</summary>
    public const string Log = "log";
    public const string Ignore = "ignore";
    public const string Default = "default";

    public static readonly IReadOnlyList<string> All = [Log, Ignore, Default];
}

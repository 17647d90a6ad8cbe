namespace IpcPlayground.Contracts.Experiments;

/// <summary>Linux x86-64 signal names and numbers, as <c>"SIGUSR1"</c> is spelled in experiments and events.</summary>
public static class SignalNames
{
    public static IReadOnlyDictionary<string, int> Numbers { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["SIGHUP"] = 1, ["SIGINT"] = 2, ["SIGQUIT"] = 3, ["SIGILL"] = 4, ["SIGTRAP"] = 5, ["SIGABRT"] = 6,
        ["SIGBUS"] = 7, ["SIGFPE"] = 8, ["SIGKILL"] = 9, ["SIGUSR1"] = 10, ["SIGSEGV"] = 11, ["SIGUSR2"] = 12,
        ["SIGPIPE"] = 13, ["SIGALRM"] = 14, ["SIGTERM"] = 15, ["SIGSTKFLT"] = 16, ["SIGCHLD"] = 17, ["SIGCONT"] = 18,
        ["SIGSTOP"] = 19, ["SIGTSTP"] = 20, ["SIGTTIN"] = 21, ["SIGTTOU"] = 22, ["SIGURG"] = 23, ["SIGXCPU"] = 24,
        ["SIGXFSZ"] = 25, ["SIGVTALRM"] = 26, ["SIGPROF"] = 27, ["SIGWINCH"] = 28, ["SIGIO"] = 29, ["SIGPWR"] = 30,
        ["SIGSYS"] = 31,
    };

    public static string Name(int number) =>
        Numbers.FirstOrDefault(p => p.Value == number).Key ?? (number is >= 34 and <= 64 ? $"SIGRTMIN+{number - 34}" : $"SIG{number}");
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

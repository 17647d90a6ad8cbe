using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation;

/// <summary>
/// The draws steps share: their data, their signals, their flags. The steps on an object are its mechanism's
/// (<see cref="Mechanisms.GeneratedMechanism.Propose"/>), with fields mostly sensible and sometimes not (a closed end,
/// a message too long, a member that is missing): the errors are part of the contract.
/// </summary>
internal sealed class StepProposals(ChoiceSource choices)
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz0123456789-_.,:!?";

    public static readonly string[] Signals =
    [
        "SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP", "SIGALRM", "SIGQUIT", "SIGPIPE", "SIGCHLD", "SIGURG",
        "SIGWINCH", "SIGCONT", "SIGSEGV", "SIGFPE", "SIGBUS", "SIGILL", "SIGABRT", "SIGTRAP", "SIGSYS", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGPWR", "SIGSTKFLT", "SIGIO", "SIGKILL",
        // Real-time signals queue where standard ones merge (SIGRTMIN is the worker runtime's and cannot be blocked).
        "SIGRTMIN+1", "SIGRTMIN+2", "SIGRTMAX",
    ];

    public ChoiceSource Choices => choices;

    /// <summary>Whether the process may name the object in a step now (an anonymous object: its owner's descendants, and whoever received it).</summary>
    public Func<Simulation.SimProcess, string, bool> MayName { get; init; } = (_, _) => true;

    /// <summary>Text of at most <paramref name="max"/> UTF-8 bytes, now and then with a two-byte character at its end.</summary>
    public string Data(int max = 24)
    {
        var length = choices.Between(1, max);
        var text = new char[length];
        for (var i = 0; i < length; i++) text[i] = Letters[choices.Below(Letters.Length)];
        var data = new string(text);
        return length + 2 <= max && choices.Chance(5) ? data + "\u00e9" : data;
    }

    public string Signal() => choices.OneOf(Signals);

    public IReadOnlyList<string> SomeSignals() =>
        Enumerable.Range(0, choices.Between(1, 3)).Select(_ => Signal()).Distinct().ToList();

    /// <summary>Now and then a value for sigqueue(3), else none (kill).</summary>
    public long? SignalValue() => choices.Chance(25) ? choices.Between(-5, 1000) : null;

    /// <summary>Now and then sigaction flags for a handler.</summary>
    public IReadOnlyList<string>? HandlerFlags() =>
        choices.Chance(35) ? [.. SignalFlags.All.Where(_ => choices.Chance(50))] : null;

    /// <summary>Now and then true, else left out of the step.</summary>
    public bool? Flag(int percent) => choices.Chance(percent) ? true : null;
}

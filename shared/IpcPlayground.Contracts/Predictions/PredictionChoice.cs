namespace IpcPlayground.Contracts.Predictions;

/// <summary>One choice of a question: its id (<see cref="PredictionChoices"/>) and how it reads in English.</summary>
public sealed record PredictionChoice(string Choice, string Text);

/// <summary>
/// The ids of choices, and of what a call actually did, in one vocabulary: <c>returns</c>, <c>eof</c>, <c>blocks</c>,
/// <c>fails:EAGAIN</c>, <c>killed:SIGPIPE</c>, <c>value:3</c>, <c>wakes:reader</c>, <c>wakes:all</c>, <c>nobody</c>.
/// </summary>
public static class PredictionChoices
{
    public const string Returns = "returns";
    public const string Eof = "eof";
    public const string Blocks = "blocks";
    public const string Nobody = "nobody";
    public const string WakesAll = "wakes:all";

    private const string FailsPrefix = "fails:";
    private const string KilledPrefix = "killed:";
    private const string ValuePrefix = "value:";
    private const string WakesPrefix = "wakes:";

    public static string Fails(string errno) => FailsPrefix + errno;
    public static string Killed(string signal) => KilledPrefix + signal;
    public static string Value(long value) => ValuePrefix + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string Wakes(string process) => WakesPrefix + process;

    /// <summary>The errno of a <c>fails:</c> choice, the signal of a <c>killed:</c> one, the number of a <c>value:</c> one, the process of a <c>wakes:</c> one.</summary>
    public static string? ErrnoOf(string choice) => After(choice, FailsPrefix);
    public static string? SignalOf(string choice) => After(choice, KilledPrefix);
    public static string? ValueOf(string choice) => After(choice, ValuePrefix);
    public static string? WokenOf(string choice) => choice == WakesAll ? null : After(choice, WakesPrefix);

    private static string? After(string choice, string prefix) => choice.StartsWith(prefix, StringComparison.Ordinal) ? choice[prefix.Length..] : null;
}

using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Client.Services.Workshops;

/// <summary>One choice of a step as the board draws it: how many chose it, their share of those who answered, and whether the kernel did it.</summary>
public sealed record TallyBar(string Choice, int Count, double Share, bool Right);

public static class TallyBars
{
    /// <summary>
    /// The bars of a step, in the order its choices were offered. A choice is right when the kernel did it in any of
    /// the room's runs (the kernel is the same for all, so normally exactly one is).
    /// </summary>
    public static IReadOnlyList<TallyBar> Of(PredictionTally tally)
    {
        var actual = tally.Outcomes.Select(o => o.Actual).ToHashSet(StringComparer.Ordinal);
        return [.. tally.Choices.Select(c => new TallyBar(c.Choice, c.Count, tally.Answered > 0 ? (double)c.Count / tally.Answered : 0, actual.Contains(c.Choice)))];
    }

    /// <summary>What the kernel did, most frequent first; empty until the room's first run has shown it.</summary>
    public static IReadOnlyList<TalliedOutcome> Outcomes(PredictionTally tally) =>
        [.. tally.Outcomes.Where(o => o.Count > 0).OrderByDescending(o => o.Count)];
}

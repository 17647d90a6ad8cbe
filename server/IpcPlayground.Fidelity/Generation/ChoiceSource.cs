namespace IpcPlayground.Fidelity.Generation;

/// <summary>
/// Where the generator's decisions come from: a seeded random sequence, recorded as it is drawn, or a recorded
/// sequence replayed (then missing choices are 0, the simplest). Shrinking edits the recording and replays it: every
/// sequence of numbers makes a valid experiment, so a shrunk example is as sound as the one it came from.
/// </summary>
public sealed class ChoiceSource
{
    private readonly Random? _random;
    private readonly IReadOnlyList<int>? _replay;
    private int _next;

    private ChoiceSource(Random? random, IReadOnlyList<int>? replay)
    {
        _random = random;
        _replay = replay;
    }

    public static ChoiceSource Seeded(int seed) => new(new Random(seed), null);

    public static ChoiceSource Replay(IReadOnlyList<int> choices) => new(null, choices);

    /// <summary>Every choice made so far (a replay's reduced to the range each was drawn in): replaying them makes the same.</summary>
    public List<int> Drawn { get; } = [];

    /// <summary>A number from 0 to <paramref name="count"/> - 1.</summary>
    public int Below(int count)
    {
        if (count <= 1) return 0; // no choice, nothing to record
        var raw = _random is not null ? _random.Next(count) : _next < _replay!.Count ? _replay[_next] : 0;
        _next++;
        var choice = Math.Abs(raw % count);
        Drawn.Add(choice);
        return choice;
    }

    /// <summary>True with about <paramref name="percent"/> in 100; false is the simpler answer.</summary>
    public bool Chance(int percent) => Below(100) >= 100 - percent;

    public T OneOf<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>From <paramref name="min"/> to <paramref name="max"/> inclusive; <paramref name="min"/> is the simplest.</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);
}

using IpcPlayground.Contracts.Predictions;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Client.Services.Workshops;

/// <summary>
/// The room's prediction as the instructor's board holds it: which predicted run is current and whether the room is
/// held, and each step's tally in the order the room first met them, read whole from <c>GET …/prediction</c> and then
/// merged one tally at a time from <c>PredictionTallied</c>.
/// </summary>
public sealed class RoomPredictionState
{
    private readonly List<PredictionTally> _steps = [];

    /// <summary>The current predicted run; null before the instructor starts one, or once it has ended.</summary>
    public RoomPrediction? Current { get; private set; }

    /// <summary>The title of the prediction whose steps are shown (kept when it ends, so the room can still discuss it).</summary>
    public string? Title { get; private set; }

    public string? PredictionId { get; private set; }

    public IReadOnlyList<PredictionTally> Steps => _steps;

    /// <summary>The whole aggregate (on open and after a reconnect): it replaces what was shown.</summary>
    public void Load(PredictionAggregate aggregate)
    {
        Current = new RoomPrediction(aggregate.PredictionId, aggregate.ExperimentId, aggregate.Title, aggregate.Hold, aggregate.StartedAt);
        Title = aggregate.Title;
        PredictionId = aggregate.PredictionId;
        _steps.Clear();
        foreach (var step in aggregate.Steps) Apply(step);
    }

    /// <summary>The instructor started, held, let go or ended (null) the room's prediction; a new one starts with no steps.</summary>
    public void SetCurrent(RoomPrediction? prediction)
    {
        Current = prediction;
        if (prediction is null || prediction.PredictionId == PredictionId) return;
        PredictionId = prediction.PredictionId;
        Title = prediction.Title;
        _steps.Clear();
    }

    /// <summary>
    /// One step's tally, again: it takes the place of the same question (process, step, iteration, about), or joins
    /// the end when the room meets a new one. A tally that counts less than the one shown arrived late (it was sent
    /// before the aggregate was read) and is dropped: counts only grow.
    /// </summary>
    public void Apply(PredictionTally tally)
    {
        var index = _steps.FindIndex(shown => SameQuestion(shown, tally));
        if (index < 0) _steps.Insert(PlaceOf(tally), tally);
        else if (Progress(tally) >= Progress(_steps[index])) _steps[index] = tally;
    }

    /// <summary>
    /// Where a question new to the board goes: at the end, unless its step is shown already — then among that step's
    /// questions in the order they are asked (outcome, value, wakes), whichever tally happened to arrive first.
    /// </summary>
    private int PlaceOf(PredictionTally tally)
    {
        var first = _steps.FindIndex(shown => SameStep(shown, tally));
        if (first < 0) return _steps.Count;
        var last = _steps.FindLastIndex(shown => SameStep(shown, tally));
        for (var i = first; i <= last; i++)
            if (AskedOrder(_steps[i].About) > AskedOrder(tally.About)) return i;
        return last + 1;
    }

    private static bool SameStep(PredictionTally a, PredictionTally b) => a.Process == b.Process && a.Step == b.Step && a.Iteration == b.Iteration;

    private static int AskedOrder(string about) => (int?)PredictionAbouts.Parse(about) ?? int.MaxValue;

    public static bool SameQuestion(PredictionTally a, PredictionTally b) =>
        a.Process == b.Process && a.Step == b.Step && a.Iteration == b.Iteration && a.About == b.About;

    private static int Progress(PredictionTally tally) => tally.Answered + tally.Outcomes.Sum(o => o.Count);
}

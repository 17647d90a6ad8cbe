namespace IpcPlayground.Contracts.Predictions;

/// <summary>What a predict-mode question asks of a step, as a closed set.</summary>
public enum PredictionAbout
{
    /// <summary>What the call does: returns at once, returns end of file, blocks, fails with an errno, or its process is killed.</summary>
    Outcome,
    /// <summary>The value the call returns (a 4-byte load, an eventfd read).</summary>
    Value,
    /// <summary>Which process, blocked in a call when the step began, the step wakes.</summary>
    Wakes,
}

/// <summary>The <c>about</c> values of questions, as the contract spells them.</summary>
public static class PredictionAbouts
{
    public const string Outcome = "outcome";
    public const string Value = "value";
    public const string Wakes = "wakes";

    public static string NameOf(PredictionAbout about) => about switch
    {
        PredictionAbout.Outcome => Outcome,
        PredictionAbout.Value => Value,
        PredictionAbout.Wakes => Wakes,
    };

    public static PredictionAbout? Parse(string? about) => about switch
    {
        Outcome => PredictionAbout.Outcome,
        Value => PredictionAbout.Value,
        Wakes => PredictionAbout.Wakes,
        _ => null,
    };

    public static IReadOnlyList<string> All { get; } = [Outcome, Value, Wakes];
}

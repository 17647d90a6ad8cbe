using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Predictions;

namespace IpcPlayground.Client.Components.Predict;

/// <summary>How an outcome's verdict shows: its mark, its word, its class and test attribute, and the call it judged.</summary>
public static class PredictionVerdict
{
    /// <summary>"true" or "false"; none for a question the run left unanswered.</summary>
    public static string? AttributeOf(OutcomeEvent o) => o.Correct switch { true => "true", false => "false", null => null };

    public static string CssOf(OutcomeEvent o) => o.Correct switch { true => "right", false => "wrong", null => "unanswered" };

    public static string MarkOf(OutcomeEvent o) => o.Correct switch { true => "✓", false => "✗", null => "–" };

    public static string TextOf(OutcomeEvent o, PredictionWords w) => o.Correct switch { true => w.Right, false => w.Wrong, null => w.NotAnswered };

    /// <summary>The call as its manual page is named (<c>read(2)</c>), from the facts the kernel state gave; else the step's op.</summary>
    public static string CallOf(OutcomeEvent o) => o.Facts?.GetValueOrDefault(ExplanationFacts.Call) ?? o.Op ?? "";
}

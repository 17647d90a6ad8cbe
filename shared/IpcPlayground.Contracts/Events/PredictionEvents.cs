using IpcPlayground.Contracts.Predictions;

namespace IpcPlayground.Contracts.Events;

/// <summary>Predict mode: what a held step's question is about, and its choices (generated from the step, never free text).</summary>
public sealed record QuestionEvent : StepEvent
{
    protected override EventKind KindOf => EventKind.Question;

    /// <summary><see cref="PredictionAbouts"/>: <c>outcome</c>, <c>value</c> or <c>wakes</c>.</summary>
    public string? About { get; init; }

    public IReadOnlyList<PredictionChoice>? Choices { get; init; }

    /// <summary>Extension: the call the step makes, as its manual page is named (<c>read(2)</c>, <c>msgrcv(2)</c>).</summary>
    public string? Call { get; init; }
}

/// <summary>Predict mode: the person's prediction, recorded before the step was let go.</summary>
public sealed record AnswerEvent : StepEvent
{
    protected override EventKind KindOf => EventKind.Answer;
    public string? About { get; init; }
    public string? Choice { get; init; }
}

/// <summary>
/// Predict mode: what the real call did (<see cref="Actual"/>, in the same words as the choices), whether the
/// prediction was right, and why, drawn from the kernel state before the call.
/// </summary>
public sealed record OutcomeEvent : StepEvent
{
    protected override EventKind KindOf => EventKind.Outcome;
    public string? About { get; init; }

    /// <summary>The prediction, or null when the question was never answered (the run ended first).</summary>
    public string? Choice { get; init; }

    public string? Actual { get; init; }
    public bool? Correct { get; init; }

    /// <summary>The explanation in English; <see cref="Reason"/> and <see cref="Facts"/> let a page say it in its own language.</summary>
    public string? Explanation { get; init; }

    /// <summary>One of <see cref="ExplanationReasons"/>.</summary>
    public string? Reason { get; init; }

    public IReadOnlyDictionary<string, string>? Facts { get; init; }
}

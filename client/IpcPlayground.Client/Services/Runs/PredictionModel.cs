using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Services.Runs;

/// <summary>One question of a predicted run and what became of it: the answer given, the kernel's verdict.</summary>
/// <param name="Closed">
/// The question can no longer be answered: the run ended, or its process went past the step unasked (Resume ends the questions).
/// </param>
public sealed record PredictionEntry(QuestionEvent Question, AnswerEvent? Answer, OutcomeEvent? Outcome, bool Closed)
{
    public bool IsOpen => Answer is null && Outcome is null && !Closed;

    /// <summary>Answered, and the real call has not shown yet what it does.</summary>
    public bool AwaitsKernel => Answer is not null && Outcome is null && !Closed;
}

/// <summary>Where the predictions of a run stand: the questions and their fates, the outcomes in order, and the score.</summary>
public sealed record PredictionState(IReadOnlyList<PredictionEntry> Entries, IReadOnlyList<OutcomeEvent> Outcomes)
{
    public static PredictionState None { get; } = new([], []);

    /// <summary>Whether the run asked anything at all (a run not in predict mode never does).</summary>
    public bool Any => Entries.Count > 0 || Outcomes.Count > 0;

    public IReadOnlyList<PredictionEntry> Open => [.. Entries.Where(e => e.IsOpen)];

    /// <summary>The outcomes of the step judged last (its outcome and, when asked, whom it woke).</summary>
    public IReadOnlyList<OutcomeEvent> Latest => Outcomes.Count == 0 ? [] : [.. Outcomes.Where(o => SameStep(o, Outcomes[^1]))];

    public int Asked => Entries.Count;
    public int Answered => Entries.Count(e => e.Answer is not null);

    /// <summary>Answers the kernel has judged; the score is <see cref="Right"/> of these.</summary>
    public int Judged => Outcomes.Count(o => o.Correct is not null);
    public int Right => Outcomes.Count(o => o.Correct == true);

    /// <summary>Questions that can no longer be answered and were not.</summary>
    public int Unanswered => Entries.Count(e => e.Answer is null && (e.Closed || e.Outcome is not null));

    private static bool SameStep(StepEvent a, StepEvent b) => a.Process == b.Process && a.Step == b.Step && a.Iteration == b.Iteration;
}

/// <summary>
/// Reads a predicted run's questions, answers and outcomes from its events. Each answer and outcome belongs to the
/// earliest question of its process, step, iteration and subject not yet given one: a step inside a loop is asked
/// again each time round.
/// </summary>
public static class PredictionModel
{
    public static PredictionState Build(IReadOnlyList<RunEvent> events)
    {
        if (!events.Any(e => e is QuestionEvent or OutcomeEvent)) return PredictionState.None;
        var entries = new List<Entry>();
        var outcomes = new List<OutcomeEvent>();
        foreach (var e in events)
        {
            switch (e)
            {
                case QuestionEvent question:
                    entries.Add(new Entry(question));
                    break;
                case AnswerEvent answer when entries.FirstOrDefault(q => q.Answer is null && q.Outcome is null && Asks(q.Question, answer, answer.About)) is { } asked:
                    asked.Answer = answer;
                    break;
                case OutcomeEvent outcome:
                    outcomes.Add(outcome);
                    if (entries.FirstOrDefault(q => q.Outcome is null && Asks(q.Question, outcome, outcome.About)) is { } judged) judged.Outcome = outcome;
                    break;
                case RunEndEvent:
                    foreach (var entry in entries) entry.Closed = true;
                    break;
                case SyscallEvent or BlockedEvent or PausedEvent or ProcessExitEvent when e.Process is { } process:
                    // The process went past the step (a call, a block, its next hold, its death): unanswered, it never will be.
                    foreach (var entry in entries.Where(q => q.Answer is null && q.Question.Process == process)) entry.Closed = true;
                    break;
            }
        }
        return new([.. entries.Select(q => new PredictionEntry(q.Question, q.Answer, q.Outcome, q.Closed))], outcomes);
    }

    private static bool Asks(QuestionEvent question, StepEvent e, string? about) =>
        question.Process == e.Process && question.Step == e.Step && question.Iteration == e.Iteration && question.About == about;

    private sealed class Entry(QuestionEvent question)
    {
        public QuestionEvent Question { get; } = question;
        public AnswerEvent? Answer { get; set; }
        public OutcomeEvent? Outcome { get; set; }
        public bool Closed { get; set; }
    }
}

using IpcPlayground.Contracts.Predictions;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Server.Workshops;
using IpcPlayground.Storage.Model;
using IpcPlayground.Storage.Workshops;

namespace IpcPlayground.UnitTests.Workshops;

/// <summary>A question's tally and the answers' CSV, from stored counts and answers.</summary>
public sealed class PredictionViewsTests
{
    private static readonly PredictionQuestionRecord Read = new()
    {
        PredictionId = "p1", QuestionKey = PredictionKeys.Of("reader", "0", null, "outcome"), Process = "reader", Step = "0", Op = "read", Object = "p",
        About = "outcome",
        ChoicesJson = PredictionViews.ChoicesJson([new PredictionChoice("returns", "returns at once"), new PredictionChoice("eof", "returns 0"),
            new PredictionChoice("blocks", "blocks")]),
    };

    [Fact]
    public void A_tally_shows_every_offered_choice_in_its_order_and_counts_outcomes_only_once_known()
    {
        var tally = PredictionViews.Tally(Read,
        [
            new(Read.QuestionKey, "blocks", "blocks", 5), new(Read.QuestionKey, "blocks", null, 2), new(Read.QuestionKey, "returns", "blocks", 3),
        ]);

        Assert.Equal([new TalliedChoice("returns", "returns at once", 3), new TalliedChoice("eof", "returns 0", 0), new TalliedChoice("blocks", "blocks", 7)],
            tally.Choices);
        Assert.Equal(10, tally.Answered);
        Assert.Equal([new TalliedOutcome("blocks", 8)], tally.Outcomes);
        Assert.Equal(("reader", "0", null, "read", "p", "outcome"), (tally.Process, tally.Step, tally.Iteration, tally.Op, tally.Object, tally.About));
        Assert.True(PredictionViews.SameCounts(tally, PredictionViews.Tally(Read, [new(Read.QuestionKey, "blocks", "blocks", 5),
            new(Read.QuestionKey, "blocks", null, 2), new(Read.QuestionKey, "returns", "blocks", 3)])));
        Assert.False(PredictionViews.SameCounts(tally, PredictionViews.Tally(Read, [new(Read.QuestionKey, "blocks", "blocks", 7),
            new(Read.QuestionKey, "returns", "blocks", 3)])));
    }

    [Fact]
    public void Csv_fields_are_quoted_when_they_must_be_and_a_name_a_spreadsheet_would_run_is_made_inert()
    {
        Assert.Equal("plain", AnswersCsv.Field("plain"));
        Assert.Equal("\"a, b\"", AnswersCsv.Field("a, b"));
        Assert.Equal("\"say \"\"hi\"\"\"", AnswersCsv.Field("say \"hi\""));
        Assert.Equal("\"two\nlines\"", AnswersCsv.Field("two\nlines"));
        Assert.Equal("", AnswersCsv.Field(null));

        var answer = new PredictionAnswerRecord
        {
            PredictionId = "p1", ParticipantId = "x", QuestionKey = Read.QuestionKey, RunId = "r1", Process = "reader", Step = "3.1", Iteration = 2,
            About = "outcome", Choice = "blocks", AnsweredAtMs = 1_765_000_000_123,
        };
        var rows = AnswersCsv.Write([new NamedAnswer(answer, "@SUM(A1)")]).Split("\r\n");
        Assert.Equal(AnswersCsv.Header, rows[0]);
        Assert.Equal("'@SUM(A1),reader,3.1,2,outcome,blocks,,,2025-12-06T05:46:40.123Z", rows[1]);
    }
}

using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Predictions;

namespace IpcPlayground.UnitTests.Predictions;

/// <summary>Which held steps predict mode asks about, and the choices it offers.</summary>
public sealed class PredictionQuestionsTests
{
    private static IReadOnlyList<PredictionQuestion> Ask(Step step, string? type = ObjectTypes.Pipe, bool marks = false, IReadOnlyList<string>? blocked = null, long? last = null) =>
        PredictionQuestions.For(step, type, marks, blocked ?? [], last);

    [Fact]
    public void A_read_is_asked_with_at_once_end_of_file_blocks_and_a_bad_descriptor()
    {
        var question = Assert.Single(Ask(new Step { Op = Ops.Read, Object = "p", Bytes = 4 }));
        Assert.Equal(PredictionAbout.Outcome, question.About);
        Assert.Equal(["returns", "eof", "blocks", "fails:EBADF"], question.Choices.Select(c => c.Choice));
        Assert.Equal("blocks: sleeps in the kernel", question.Choices[2].Text);
    }

    [Theory]
    [InlineData(Ops.Sleep)]
    [InlineData(Ops.Spawn)]
    [InlineData(Ops.Handle)]
    [InlineData(Ops.Stat)]
    public void A_step_that_cannot_block_or_fail_is_let_go_unasked(string op) =>
        Assert.Empty(Ask(new Step { Op = op }, type: null));

    [Fact]
    public void A_lesson_that_marks_steps_is_asked_only_about_those()
    {
        Assert.Empty(Ask(new Step { Op = Ops.Read, Object = "p" }, marks: true));
        Assert.Single(Ask(new Step { Op = Ops.Sleep, Ask = true }, type: null, marks: true));
        Assert.Empty(Ask(new Step { Op = Ops.Read, Object = "p", Ask = false }));
        Assert.Empty(Ask(new Step { Op = Ops.Exit, Ask = true }, type: null, marks: true));
    }

    [Fact]
    public void A_write_while_a_reader_is_blocked_on_the_pipe_also_asks_whom_it_wakes()
    {
        var questions = Ask(new Step { Op = Ops.Write, Object = "p", Data = "x" }, blocked: ["reader"]);
        Assert.Equal([PredictionAbout.Outcome, PredictionAbout.Wakes], questions.Select(q => q.About));
        Assert.Equal(["wakes:reader", "nobody"], questions[1].Choices.Select(c => c.Choice));
        var two = Ask(new Step { Op = Ops.Close, Object = "p" }, blocked: ["a", "b"]);
        Assert.Equal(["wakes:a", "wakes:b", "wakes:all", "nobody"], two.Single(q => q.About == PredictionAbout.Wakes).Choices.Select(c => c.Choice));
    }

    [Fact]
    public void A_close_is_asked_only_while_someone_is_blocked_on_its_object()
    {
        Assert.Empty(Ask(new Step { Op = Ops.Close, Object = "p" }));
        Assert.Equal(2, Ask(new Step { Op = Ops.Close, Object = "p" }, blocked: ["reader"]).Count);
    }

    [Fact]
    public void A_marked_load_of_a_counter_asks_for_its_value_around_the_last_one_the_kernel_showed()
    {
        var questions = Ask(new Step { Op = Ops.Load, Object = "c", Offset = 0, Length = 4, Ask = true }, ObjectTypes.PosixShm, marks: true, last: 2);
        Assert.Equal(["value:0", "value:1", "value:2", "value:3"], questions.Single(q => q.About == PredictionAbout.Value).Choices.Select(c => c.Choice));
    }

    [Theory]
    [InlineData(ObjectTypes.SysvMsgQueue, "fails:ENOMSG")]
    [InlineData(ObjectTypes.PosixMsgQueue, "fails:EAGAIN")]
    public void A_receive_offers_the_errno_of_its_own_kind_of_queue(string type, string errno) =>
        Assert.Contains(errno, Ask(new Step { Op = Ops.Receive, Object = "q" }, type).Single().Choices.Select(c => c.Choice));

    public static TheoryData<string, string?> AskableOps()
    {
        var data = new TheoryData<string, string?>();
        foreach (var (op, spec) in OpCatalog.Specs)
            foreach (var type in spec.ObjectTypes ?? [null!])
                if (op is not (Ops.Repeat or Ops.Exit or Ops.Exec)) data.Add(op, type);
        return data;
    }

    [Theory]
    [MemberData(nameof(AskableOps))]
    public void Every_op_marked_ask_offers_distinct_choices_that_read_in_both_languages(string op, string? type)
    {
        var question = Ask(new Step { Op = op, Object = type is null ? null : "o", Ask = true }, type, marks: true)[0];
        Assert.True(question.Choices.Count >= 2, $"{op} on {type} offers {question.Choices.Count} choice(s)");
        Assert.Equal(question.Choices.Count, question.Choices.Select(c => c.Choice).Distinct().Count());
        Assert.All(question.Choices, c => Assert.NotEqual(c.Choice, PredictionWords.Chinese.Choice(c.Choice)));
    }
}

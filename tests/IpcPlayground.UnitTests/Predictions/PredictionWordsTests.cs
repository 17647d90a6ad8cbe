using IpcPlayground.Contracts.Predictions;

namespace IpcPlayground.UnitTests.Predictions;

/// <summary>Every reason and every kind of choice reads in both languages, from its facts alone.</summary>
public sealed class PredictionWordsTests
{
    public static TheoryData<ExplanationReason> Reasons => [.. Enum.GetValues<ExplanationReason>()];

    private static readonly Dictionary<string, string> AllFacts = typeof(ExplanationFacts).GetFields()
        .ToDictionary(f => (string)f.GetValue(null)!, f => "«" + f.Name + "»");

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Every_reason_reads_in_English_and_Chinese_with_its_facts_filled_in(ExplanationReason reason)
    {
        foreach (var words in new[] { PredictionWords.English, PredictionWords.Chinese })
        {
            var text = words.Explain(reason, AllFacts);
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.DoesNotContain("?", text, StringComparison.Ordinal);
        }
        Assert.NotEqual(PredictionWords.English.Explain(reason, AllFacts), PredictionWords.Chinese.Explain(reason, AllFacts));
        Assert.Equal(reason, ExplanationReasons.Parse(ExplanationReasons.NameOf(reason)));
    }

    [Fact]
    public void An_empty_pipe_read_that_slept_names_the_writer_that_kept_it_open()
    {
        var facts = new Dictionary<string, string> { ["object"] = "p", ["call"] = "read(2)", ["writers"] = "parent" };
        Assert.Equal("p held 0 bytes and a writer (parent) still held its write end, so read(2) slept",
            PredictionWords.English.Explain(ExplanationReason.ReadEmptyWriters, facts));
        Assert.Contains("parent", PredictionWords.Chinese.Explain(ExplanationReason.ReadEmptyWriters, facts), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PredictionChoices.Returns, "returns at once")]
    [InlineData(PredictionChoices.Eof, "returns 0: end of file")]
    [InlineData(PredictionChoices.Blocks, "blocks: sleeps in the kernel")]
    [InlineData("fails:EAGAIN", "fails with EAGAIN")]
    [InlineData("killed:SIGPIPE", "the process is killed by SIGPIPE")]
    [InlineData("value:3", "returns 3")]
    [InlineData("wakes:reader", "wakes reader")]
    [InlineData(PredictionChoices.WakesAll, "wakes every one of them")]
    [InlineData(PredictionChoices.Nobody, "wakes nobody")]
    public void Every_kind_of_choice_reads_in_both_languages(string choice, string english)
    {
        Assert.Equal(english, PredictionWords.English.Choice(choice));
        var chinese = PredictionWords.Chinese.Choice(choice);
        Assert.NotEqual(english, chinese);
        Assert.NotEqual(choice, chinese);
    }
}

using System.Text;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Sharing;

namespace IpcPlayground.UnitTests;

public sealed class SelfContainedLinkTests
{
    [Theory]
    [InlineData("pipe-byte-stream")]
    [InlineData("shm-race-vs-semaphore")]
    [InlineData("tcp-loopback")]
    public void Every_lesson_round_trips_byte_for_byte_through_a_link_shorter_than_its_json(string lesson)
    {
        var json = Encoding.UTF8.GetBytes(LessonLibrary.Get(lesson).ExperimentJson);

        var fragment = SelfContainedLink.Fragment(json);
        var (back, problem) = SelfContainedLink.Read("#" + fragment);

        Assert.Null(problem);
        Assert.Equal(json, back);
        Assert.Matches("^x=1\\.[A-Za-z0-9_-]+$", fragment);
        Assert.True(fragment.Length < json.Length, $"{fragment.Length} ≥ {json.Length}");
    }

    [Theory]
    [InlineData("#y=1.abc", "does not carry an experiment")]
    [InlineData("#x=1.!!!!", "damaged")]
    [InlineData("#x=1.AAAA", "damaged")]
    public void A_damaged_or_foreign_fragment_says_what_is_wrong(string fragment, string expected)
    {
        var (experiment, problem) = SelfContainedLink.Read(fragment);

        Assert.Null(experiment);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}

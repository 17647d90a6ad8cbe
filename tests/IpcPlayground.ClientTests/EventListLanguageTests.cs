using Bunit;
using IpcPlayground.Client.Components;
using IpcPlayground.Client.Localization;
using IpcPlayground.Client.Services;

namespace IpcPlayground.ClientTests;

/// <summary>The event list reads in the page's language: the page's words translated, the kernel's names as they are.</summary>
public sealed class EventListLanguageTests : BunitContext
{
    private static readonly string[] EnglishPhrases =
        ["started by", "exited with", "blocked in", "delivered", "pending", "killed by", "run started", "held before", "wrote to", "sandbox", "timeout"];

    [Fact]
    public void In_Chinese_no_English_phrase_of_the_page_is_left_and_the_kernels_names_stay()
    {
        var events = new Events().Start(0, "parent").Start(1, "child")
            .Blocked(3, 2, "child", "read", "p")
            .Call(4, "parent", "write", "p")
            .Signal(5, "child", "SIGUSR1", "handled", "SI_QUEUE", "parent")
            .Exec(6, "child", "/usr/bin/wc")
            .Output(7, "child", "stdout", "3\n")
            .Exit(8, "child");
        var log = new RunEventLog();
        log.Add(events.List);
        var cut = Render<EventList>(p => p.Add(c => c.Log, log).AddCascadingValue(UiText.Chinese));

        var texts = cut.FindAll("[data-testid=event-text]").Select(t => t.TextContent).ToList();
        Assert.All(texts, text => Assert.DoesNotContain(EnglishPhrases, phrase => text.Contains(phrase, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(texts, t => t.Contains("阻塞在 read(p)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("SIGUSR1 已递送", StringComparison.Ordinal) && t.Contains("SI_QUEUE", StringComparison.Ordinal));
        Assert.Contains("已启动", texts);
        Assert.Contains(texts, t => t.Contains("execve(/usr/bin/wc) —— 从此该进程就是这个程序", StringComparison.Ordinal));
        Assert.Equal(EventText.Describe(events.List[2]), EventText.Describe(events.List[2], EventWords.English)); // English stays the default
    }
}

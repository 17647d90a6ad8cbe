using Bunit;
using IpcPlayground.Client.Components.Gallery;
using IpcPlayground.Client.Localization;
using IpcPlayground.Client.Services.Gallery;
using IpcPlayground.Contracts.Lessons;

namespace IpcPlayground.ClientTests;

/// <summary>The lesson library is searchable by title, summary and tags, in either language.</summary>
public sealed class GalleryTests : BunitContext
{
    [Fact]
    public void Every_lesson_is_listed_when_nothing_is_typed()
    {
        var cut = Render<LessonGallery>(p => p.Add(c => c.OnOpen, _ => { }));
        Assert.Equal(LessonLibrary.All.Count, cut.FindAll("[data-testid=gallery-item]").Count);
    }

    [Fact]
    public void Typing_narrows_the_list_by_title_tags_or_chinese_words()
    {
        var cut = Render<LessonGallery>(p => p.Add(c => c.OnOpen, _ => { }));

        cut.Find("[data-testid=gallery-search]").Input("queue");
        var queues = cut.FindAll("[data-testid=gallery-item]").Select(i => i.GetAttribute("data-lesson")).ToList();
        Assert.Contains("sysv-queue-selective-receive", queues);
        Assert.Contains("posix-queue-priorities", queues);
        Assert.DoesNotContain("pipe-byte-stream", queues);

        cut.Find("[data-testid=gallery-search]").Input("管道");
        Assert.Contains("pipe-full-blocks", cut.FindAll("[data-testid=gallery-item]").Select(i => i.GetAttribute("data-lesson")));

        cut.Find("[data-testid=gallery-search]").Input("zzz-nothing");
        Assert.Empty(cut.FindAll("[data-testid=gallery-item]"));
        Assert.NotNull(cut.Find("[data-testid=gallery-empty]"));
    }

    [Fact]
    public void Tags_come_from_the_experiment_and_every_word_must_match()
    {
        Assert.Contains("sysv-sem", LessonTags.Of(LessonLibrary.Get("semaphore-admits-two")).Concat(LessonTags.Of(LessonLibrary.Get("shm-race-vs-semaphore"))));
        var found = LessonSearch.Find(LessonLibrary.All, "pipe blocks");
        Assert.All(found, l => Assert.Contains("pipe", LessonTags.Of(l)));
        Assert.DoesNotContain(found, l => l.Id == "sysv-queue-selective-receive");
        Assert.Contains(found, l => l.Id == "pipe-full-blocks");
    }

    [Fact]
    public void The_new_lessons_are_found_by_what_they_use()
    {
        Assert.Contains(LessonSearch.Find(LessonLibrary.All, "eventfd"), l => l.Id == "eventfd-counter-and-semaphore");
        Assert.Contains(LessonSearch.Find(LessonLibrary.All, "poll fifo"), l => l.Id == "poll-two-fifos");
        Assert.Contains("signal", LessonTags.Of(LessonLibrary.Get("kernel-sends-sigsegv")));
        Assert.Contains("fault", LessonTags.Of(LessonLibrary.Get("kernel-sends-sigsegv")));
    }

    [Fact]
    public void Choosing_a_lesson_opens_it_and_titles_follow_the_language()
    {
        Lesson? opened = null;
        var cut = Render<LessonGallery>(p => p.Add(c => c.OnOpen, l => opened = l).AddCascadingValue(UiText.Chinese));

        Assert.Contains(cut.FindAll("[data-testid=gallery-item] strong"), s => s.TextContent == "满管道会阻塞写者");
        cut.Find("[data-testid=gallery-item][data-lesson=pipe-full-blocks]").Click();
        Assert.Equal("pipe-full-blocks", opened?.Id);
    }
}

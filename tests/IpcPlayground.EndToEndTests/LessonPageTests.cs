using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>Lessons opened from the gallery run for real, and the timeline and inspector show what each lesson claims.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LessonPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_full_pipe_shows_65536_of_65536_and_the_blocked_writer_is_woken_by_the_read()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        await PlaygroundPage.OpenLessonFromGalleryAsync(page, "full pipe", "pipe-full-blocks");
        await Assertions.Expect(page.GetByTestId("lesson-explanation")).ToContainTextAsync("65536 of 65536");

        await PlaygroundPage.RunToCompletionAsync(page);

        // The second write blocked until the reader drained the pipe: a span on the writer's lane, an arrow from the read.
        await Assertions.Expect(page.Locator("[data-testid=timeline-span][data-process=writer][data-op=write]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=timeline-arrow][data-from=reader][data-to=writer][data-to-op=write]")).ToHaveCountAsync(1);
        await BrowserFixture.SaveScreenshotAsync(page, "timeline-finished");

        await PlaygroundPage.InspectAtAsync(PlaygroundPage.Mark(page, "writer", "stat"));
        await Assertions.Expect(PlaygroundPage.InspectorObject(page, "p").GetByTestId("buffer-text")).ToHaveTextAsync("65536/65536");
        await page.GetByTestId("inspector-live").ClickAsync();
        await Assertions.Expect(PlaygroundPage.InspectorObject(page, "p").GetByTestId("buffer-text")).Not.ToHaveTextAsync("65536/65536");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_System_V_queue_lists_its_three_messages_by_type_and_size_then_receives_type_2_first()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        await PlaygroundPage.OpenLessonFromGalleryAsync(page, "System V queue", "sysv-queue-selective-receive");

        await PlaygroundPage.RunToCompletionAsync(page);

        await Assertions.Expect(PlaygroundPage.Mark(page, "receiver", "receive")).ToHaveCountAsync(3);
        // The finished run opens in the inspector where the queue held the most, not at its empty end.
        var messages = PlaygroundPage.InspectorObject(page, "q").GetByTestId("queue-message");
        await Assertions.Expect(messages).ToHaveCountAsync(3);
        await page.GetByTestId("timeline").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "typed-queue-timeline");
        // The sender starts the receiver only after its three sends, so the receiver's stat sees all three queued.
        await PlaygroundPage.InspectAtAsync(PlaygroundPage.Mark(page, "receiver", "stat"));
        await Assertions.Expect(messages).ToHaveCountAsync(3);
        await Assertions.Expect(messages).ToContainTextAsync(new[] { "type 1", "type 2", "type 3" });
        Assert.Equal("5", await messages.Nth(2).GetAttributeAsync("data-size"));
        await page.GetByTestId("inspector").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "inspector");

        var receives = page.Locator("[data-testid=event-row][data-kind=syscall][data-process=receiver]").Filter(new() { HasText = "receive(q)" });
        await Assertions.Expect(receives.First).ToContainTextAsync("\"two\" [type 2]");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_semaphore_of_two_blocks_the_third_and_fourth_until_a_post_wakes_them()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        await PlaygroundPage.OpenLessonFromGalleryAsync(page, "信号量", "semaphore-admits-two");

        await PlaygroundPage.RunToCompletionAsync(page);

        // Two get in; each one that blocked (two, unless the machine started a process late) is woken by another's semPost.
        var blocked = await page.Locator("[data-testid=timeline-span][data-op=semWait]").CountAsync();
        Assert.InRange(blocked, 1, 2);
        var arrows = page.Locator("[data-testid=timeline-arrow][data-to-op=semWait]");
        Assert.Equal(blocked, await arrows.CountAsync());
        foreach (var arrow in await arrows.AllAsync())
            Assert.NotEqual(await arrow.GetAttributeAsync("data-from"), await arrow.GetAttributeAsync("data-to"));
        await Assertions.Expect(PlaygroundPage.InspectorObject(page, "room").GetByTestId("sem-value")).ToHaveTextAsync("2");
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>
/// A person shares an experiment and someone else opens the link in a browser of their own (a fresh context: no
/// storage, no state in common); a finished run is replayed from its recording without running it again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SharingPageTests(BrowserFixture fixture)
{
    private const string Lesson = "sysv-queue-selective-receive";

    private static async Task<string> OpenLessonAsync(IPage page)
    {
        await PlaygroundPage.OpenAsync(page);
        await page.GetByTestId("lesson-picker").SelectOptionAsync(Lesson);
        await Assertions.Expect(page.GetByTestId("lesson-explanation")).ToContainTextAsync("type 2");
        return await page.GetByTestId("experiment-editor").InputValueAsync();
    }

    /// <summary>Opens a link in a fresh browser context and waits until its composer shows exactly this experiment.</summary>
    private async Task<IPage> OpenElsewhereAsync(string link, string expectedJson)
    {
        var other = await fixture.NewPageAsync();
        await other.GotoAsync(link);
        await Assertions.Expect(other.GetByTestId("experiment-editor")).ToHaveValueAsync(expectedJson);
        await Assertions.Expect(other.GetByTestId("load-error")).ToHaveCountAsync(0);
        await Assertions.Expect(other.GetByTestId("run-button")).ToBeEnabledAsync();
        return other;
    }

    [Fact]
    public async Task A_shared_link_opens_the_same_experiment_in_another_browser()
    {
        var page = await fixture.NewPageAsync();
        var json = await OpenLessonAsync(page);

        await page.GetByTestId("share-button").ClickAsync();
        var shareLink = page.GetByTestId("share-link");
        await Assertions.Expect(shareLink).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/e/[a-z0-9]+$"));
        var link = await shareLink.InputValueAsync();
        Assert.StartsWith(fixture.Server.BaseAddress.GetLeftPart(UriPartial.Authority), link, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("share-note")).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "share");

        var other = await OpenElsewhereAsync(link, json);
        await Assertions.Expect(other.GetByTestId("lesson-explanation")).ToContainTextAsync("type 2");
        await other.Context.CloseAsync();

        var missing = await fixture.NewPageAsync();
        await missing.GotoAsync("/e/nosuchexperiment");
        await Assertions.Expect(missing.GetByTestId("load-error")).ToContainTextAsync("nosuchexperiment");
        await missing.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_self_contained_link_opens_the_same_experiment_in_another_browser()
    {
        var page = await fixture.NewPageAsync();
        var json = await OpenLessonAsync(page);

        await page.GetByTestId("share-fragment-button").ClickAsync();
        var link = await page.GetByTestId("share-fragment-link").InputValueAsync();
        Assert.Contains("/#x=1.", link, StringComparison.Ordinal);

        var other = await OpenElsewhereAsync(link, json);
        await other.Context.CloseAsync();

        var damaged = await fixture.NewPageAsync();
        await damaged.GotoAsync("/#x=1.%25%25damaged");
        await Assertions.Expect(damaged.GetByTestId("load-error")).ToContainTextAsync("the link is damaged");
        await damaged.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_finished_run_replays_in_another_browser_and_the_scrubber_moves_through_its_events()
    {
        var page = await fixture.NewPageAsync();
        await OpenLessonAsync(page);
        await PlaygroundPage.RunToCompletionAsync(page);

        var replayLink = page.GetByTestId("replay-link");
        await Assertions.Expect(replayLink).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("export-json")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^api/runs/.+/export\\.json$"));
        await Assertions.Expect(page.GetByTestId("export-trace")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^api/runs/.+/trace\\.json$"));
        await Assertions.Expect(page.GetByTestId("perfetto-hint")).ToContainTextAsync("ui.perfetto.dev");
        // The C program needs the experiment stored: sharing the experiment that ran offers it.
        await Assertions.Expect(page.GetByTestId("export-c")).ToHaveCountAsync(0);
        await page.GetByTestId("share-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("export-c")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^api/experiments/.+/export\\.c$"));

        var link = (await replayLink.GetAttributeAsync("href"))!;
        var events = await page.Locator("[data-testid=event-row]").CountAsync();
        await page.Context.CloseAsync();

        var replay = await fixture.NewPageAsync();
        await replay.GotoAsync(link);
        await Assertions.Expect(replay.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(replay.Locator("[data-testid=event-row]")).ToHaveCountAsync(events);
        await Assertions.Expect(PlaygroundPage.Mark(replay, "receiver", "receive")).ToHaveCountAsync(3);
        await Assertions.Expect(replay.GetByTestId("event-count")).ToHaveTextAsync($"{events} events");
        await BrowserFixture.SaveScreenshotAsync(replay, "replay");

        var scrubber = replay.GetByTestId("replay-scrubber");
        var last = events.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(scrubber).ToHaveAttributeAsync("max", last);
        await scrubber.FillAsync("1");
        await Assertions.Expect(replay.GetByTestId("replay-position")).ToHaveAttributeAsync("data-position", "1");
        await Assertions.Expect(replay.Locator("[data-testid=event-row]")).ToHaveCountAsync(1);
        await Assertions.Expect(replay.GetByTestId("event-count")).ToHaveTextAsync("1 events");
        await Assertions.Expect(replay.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "running");
        // A recording is not live: it says where the scrubber stands, offers nothing to follow, and no C program it cannot give.
        await Assertions.Expect(replay.GetByTestId("run-status")).ToHaveTextAsync($"replay: event 1 of {events}");
        await Assertions.Expect(replay.GetByTestId("timeline-follow")).ToHaveCountAsync(0);
        await Assertions.Expect(replay.GetByTestId("export-c-hint")).ToHaveCountAsync(0);

        await scrubber.FillAsync(last);
        await Assertions.Expect(replay.Locator("[data-testid=event-row]")).ToHaveCountAsync(events);
        await Assertions.Expect(replay.GetByTestId("event-count")).ToHaveTextAsync($"{events} events");
        await Assertions.Expect(replay.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");

        // Play from the start runs through to the end again, event by event.
        await scrubber.FillAsync("1");
        await replay.GetByTestId("replay-play").ClickAsync();
        await Assertions.Expect(replay.GetByTestId("replay-position")).ToHaveAttributeAsync("data-position", last);
        await Assertions.Expect(replay.GetByTestId("replay-play")).ToHaveAttributeAsync("aria-pressed", "false");

        var missing = await fixture.NewPageAsync();
        await missing.GotoAsync("/r/nosuchrun");
        await Assertions.Expect(missing.GetByTestId("load-error")).ToContainTextAsync("nosuchrun");
        await missing.Context.CloseAsync();
        await replay.Context.CloseAsync();
    }
}

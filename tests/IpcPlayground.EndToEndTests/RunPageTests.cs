using IpcPlayground.Testing;
using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>A person opens the playground, presses Run, and watches the real run arrive.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RunPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Running_the_pipe_example_shows_helloworld_and_completes()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        var run = page.GetByTestId("run-button");
        await Assertions.Expect(run).ToBeEnabledAsync();
        await run.ClickAsync();

        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        var read = page.Locator("[data-testid=event-row][data-kind=syscall][data-process=child]").Filter(new() { HasText = "read(p)" });
        await Assertions.Expect(read).ToContainTextAsync("\"helloworld\"");
        await Assertions.Expect(page.Locator("[data-testid=event-row]").First).ToHaveAttributeAsync("data-kind", "run-start");
        await Assertions.Expect(page.Locator("[data-testid=event-row]").Last).ToHaveAttributeAsync("data-kind", "run-end");
        await BrowserFixture.SaveScreenshotAsync(page, "pipe-run-completed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_deadlock_is_named_at_once_and_its_wait_for_cycle_drawn_on_the_timeline()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        await page.GetByTestId("experiment-editor").FillAsync(SampleExperiments.PipeDeadlock.Replace("\"timeoutMs\": 2500", "\"timeoutMs\": 15000", StringComparison.Ordinal));
        // Another experiment pasted over the lesson is no longer the lesson: its explanation goes with it.
        await Assertions.Expect(page.GetByTestId("lesson-explanation")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("lesson-picker")).ToHaveValueAsync("");
        await page.GetByTestId("run-button").ClickAsync();

        // Ended by the deadlock, long before the timeout, with the word the board uses.
        var status = page.GetByTestId("run-status");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "deadlock", new() { Timeout = 10_000 });
        await Assertions.Expect(status).ToContainTextAsync("deadlocked");
        // The cycle on the timeline: each process blocked in read(2) points at the one that could have written.
        var edges = page.GetByTestId("timeline-deadlock-edge");
        await Assertions.Expect(edges).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=timeline-deadlock-edge][data-from=parent][data-to=child]")).ToHaveAttributeAsync("data-object", "to-parent");
        await Assertions.Expect(page.Locator("[data-testid=timeline-deadlock-edge][data-from=child][data-to=parent]")).ToHaveAttributeAsync("data-object", "to-child");
        await Assertions.Expect(page.Locator("[data-testid=timeline-span][data-call=read]")).ToHaveCountAsync(2);
        // The inspector has a card for each pipe the blocked reads named.
        await Assertions.Expect(PlaygroundPage.InspectorObject(page, "to-child")).ToBeVisibleAsync();
        await Assertions.Expect(PlaygroundPage.InspectorObject(page, "to-parent")).ToBeVisibleAsync();
        await page.GetByTestId("timeline").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "deadlock-cycle");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_invalid_edit_is_flagged_inline_and_disables_run()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var editor = page.GetByTestId("experiment-editor");
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync();

        var text = await editor.InputValueAsync();
        await editor.FillAsync(text.Replace("\"op\": \"sleep\"", "\"op\": \"nap\"", StringComparison.Ordinal));

        var error = page.Locator("[data-testid=validation-error][data-path='processes[1].steps[0].op']");
        await Assertions.Expect(error).ToContainTextAsync("unknown op 'nap'");
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeDisabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_lesson_picked_from_the_library_runs_and_shows_its_claim()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync();

        await page.GetByTestId("lesson-picker").SelectOptionAsync("sysv-queue-selective-receive");
        await Assertions.Expect(page.GetByTestId("lesson-explanation")).ToContainTextAsync("type 2");
        await page.GetByTestId("run-button").ClickAsync();

        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        var receives = page.Locator("[data-testid=event-row][data-kind=syscall][data-process=receiver]").Filter(new() { HasText = "receive(q)" });
        await Assertions.Expect(receives).ToHaveCountAsync(3);
        await Assertions.Expect(receives.First).ToContainTextAsync("\"two\" [type 2]");
        await BrowserFixture.SaveScreenshotAsync(page, "sysv-queue-lesson");
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>
/// Step mode as a person drives it: choosing which process goes next produces the lost update of an unsynchronised
/// increment on purpose, and the other order gives the correct count.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StepModePageTests(BrowserFixture fixture)
{
    private const string Race = """
        { "format": 1, "name": "Two increments", "objects": [ { "id": "counter", "type": "posix-shm" } ],
          "processes": [
            { "id": "a", "steps": [ { "op": "increment", "object": "counter", "offset": 0, "times": 1 } ] },
            { "id": "b", "steps": [ { "op": "increment", "object": "counter", "offset": 0, "times": 1 } ] } ] }
        """;

    private static ILocator Next(IPage page, string process) =>
        page.Locator($"[data-testid=step-process][data-process='{process}'] [data-testid=step-next]");

    private static ILocator Increment(IPage page, string process) =>
        page.Locator($"[data-testid=event-row][data-kind=syscall][data-process='{process}']").Filter(new() { HasText = "increment(counter)" });

    private static async Task StartStepRunAsync(IPage page)
    {
        await page.GetByTestId("experiment-editor").FillAsync(Race);
        await page.GetByTestId("step-mode-toggle").CheckAsync();
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-a")).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByTestId("step-b")).ToBeEnabledAsync();
        await Assertions.Expect(Next(page, "a")).ToContainTextAsync("increment counter");
    }

    [Fact]
    public async Task Interleaving_load_and_store_loses_an_update_and_one_after_the_other_counts_two()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);

        // a loads 0, b loads 0, a stores 1, b stores 1: one update is lost.
        await StartStepRunAsync(page);
        await page.GetByTestId("step-a").ClickAsync();
        await Assertions.Expect(Next(page, "a")).ToContainTextAsync("store");
        await Assertions.Expect(page.Locator("[data-testid=lane-next][data-process=a]")).ToContainTextAsync("store");
        await page.GetByTestId("step-b").ClickAsync();
        await Assertions.Expect(Next(page, "b")).ToContainTextAsync("store");
        await BrowserFixture.SaveScreenshotAsync(page, "step-mode");
        await page.GetByTestId("step-a").ClickAsync();
        await Assertions.Expect(Increment(page, "a")).ToContainTextAsync("→ 1");
        await page.GetByTestId("step-b").ClickAsync();
        await Assertions.Expect(Increment(page, "b")).ToContainTextAsync("→ 1");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(page.GetByTestId("step-a")).ToBeDisabledAsync();

        // a loads and stores, then b: the count is right.
        await StartStepRunAsync(page);
        await page.GetByTestId("step-a").ClickAsync();
        await Assertions.Expect(Next(page, "a")).ToContainTextAsync("store");
        await page.GetByTestId("step-a").ClickAsync();
        await Assertions.Expect(Increment(page, "a")).ToContainTextAsync("→ 1");
        await page.GetByTestId("step-b").ClickAsync();
        await Assertions.Expect(Next(page, "b")).ToContainTextAsync("store");
        await page.GetByTestId("step-b").ClickAsync();
        await Assertions.Expect(Increment(page, "b")).ToContainTextAsync("→ 2");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Stop_kills_a_held_run_and_resume_lets_it_finish()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);

        await StartStepRunAsync(page);
        await page.GetByTestId("step-stop").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "killed");
        await Assertions.Expect(page.GetByTestId("run-end-problem")).ToBeVisibleAsync();

        await StartStepRunAsync(page);
        await page.GetByTestId("step-resume").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>
/// Predict mode as a student drives it: before the reader's read of an empty pipe runs, they say it will block (with
/// the digit key shown on that choice), the real call confirms it and the page says why; the replay keeps the prediction.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PredictModePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Predicting_that_a_read_of_an_empty_pipe_blocks_is_confirmed_and_explained()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        await PlaygroundPage.OpenLessonFromGalleryAsync(page, "empty pipe", "pipe-empty-blocks");

        await page.GetByTestId("step-mode-toggle").CheckAsync();
        await page.GetByTestId("predict-mode-toggle").CheckAsync();
        await Assertions.Expect(page.GetByTestId("step-mode-toggle")).Not.ToBeCheckedAsync();
        await page.GetByTestId("run-button").ClickAsync();

        var question = page.Locator("[data-testid=predict-question][data-process=reader][data-about=outcome]");
        await Assertions.Expect(question.GetByTestId("predict-prompt")).ToContainTextAsync("What will read(2) on p do?");
        var blocks = question.Locator("[data-testid=predict-choice][data-choice=blocks]");
        var digit = await blocks.GetAttributeAsync("data-key");
        await Assertions.Expect(blocks.Locator("kbd")).ToHaveTextAsync(digit!);
        await page.Keyboard.PressAsync(digit!);

        var outcome = page.Locator("[data-testid=predict-outcome][data-process=reader]");
        await Assertions.Expect(outcome).ToHaveAttributeAsync("data-correct", "true");
        await Assertions.Expect(outcome.GetByTestId("predict-explanation")).ToContainTextAsync("held 0 bytes");
        await Assertions.Expect(page.GetByTestId("predict-score")).ToHaveTextAsync("1 of 1 right");
        // The reader sleeps in the kernel now; the parent, held before its write, is asked next.
        await Assertions.Expect(page.Locator("[data-testid=predict-question][data-process=parent]").First).ToBeVisibleAsync();
        await page.GetByTestId("predict-panel").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "predict-mode");

        await page.GetByTestId("predict-resume").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(page.GetByTestId("predict-question")).ToHaveCountAsync(0);

        var replayLink = await page.GetByTestId("replay-link").GetAttributeAsync("href");
        await page.GotoAsync(replayLink!);
        var predicted = page.GetByTestId("predict-history-item");
        await Assertions.Expect(predicted).ToHaveCountAsync(1);
        await Assertions.Expect(predicted).ToHaveAttributeAsync("data-correct", "true");
        await Assertions.Expect(page.GetByTestId("predict-score")).ToHaveTextAsync("1 of 1 right");
        await Assertions.Expect(page.GetByTestId("predict-choice")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>A person builds an experiment from nothing with the composer's forms and runs it from the keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComposerPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_removal_asks_what_it_takes_and_Ctrl_Z_brings_it_back()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        var json = await page.GetByTestId("experiment-editor").InputValueAsync();

        await page.GetByTestId("remove-object").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("remove-object-question")).ToContainTextAsync("steps that use it");
        await page.GetByTestId("remove-object-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("experiment-editor")).Not.ToHaveValueAsync(json);
        // An edited lesson is still the lesson: its explanation stays.
        await Assertions.Expect(page.GetByTestId("lesson-explanation")).ToBeVisibleAsync();

        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(page.GetByTestId("experiment-editor")).ToHaveValueAsync(json);
        await page.Keyboard.PressAsync("Control+Shift+z");
        await Assertions.Expect(page.GetByTestId("experiment-editor")).Not.ToHaveValueAsync(json);
        await page.GetByTestId("composer-undo").ClickAsync();
        await Assertions.Expect(page.GetByTestId("experiment-editor")).ToHaveValueAsync(json);
    }

    [Fact]
    public async Task An_experiment_built_from_scratch_with_the_forms_runs_and_its_read_gets_the_write()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);

        await page.GetByTestId("new-experiment").ClickAsync();
        await Assertions.Expect(page.GetByTestId("process-card")).ToHaveCountAsync(1);
        await page.GetByTestId("add-object-type").SelectOptionAsync("pipe");
        await page.GetByTestId("add-object").ClickAsync();
        var main = page.Locator("[data-testid=process-card][data-index='0']");
        await main.GetByTestId("add-child").ClickAsync();
        var child = page.Locator("[data-testid=process-card][data-index='1']");
        await Assertions.Expect(child).ToHaveAttributeAsync("data-process", "proc1");
        await Assertions.Expect(main.Locator("[data-testid=step-row][data-op=spawn]")).ToHaveCountAsync(1);

        await child.GetByTestId("add-step-op").SelectOptionAsync("read");
        await child.GetByTestId("add-step").ClickAsync();
        await main.GetByTestId("add-step-op").SelectOptionAsync("write");
        await main.GetByTestId("add-step").ClickAsync();
        await main.GetByTestId("add-step-op").SelectOptionAsync("wait");
        await main.GetByTestId("add-step").ClickAsync();

        // A mistake is flagged on the field itself, before running, and Run waits until it is fixed.
        var objectId = page.Locator("[data-testid=object-card][data-index='0'] [data-testid=object-id]");
        await objectId.FillAsync("main");
        await objectId.PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid=field-error][data-path='processes[0].id']")).ToContainTextAsync("duplicate id 'main'");
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeDisabledAsync();
        await objectId.FillAsync("p");
        await objectId.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("field-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByTestId("experiment-editor")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"object\": \"p\""));
        await BrowserFixture.SaveScreenshotAsync(page, "composer");

        await main.GetByTestId("add-step").FocusAsync();
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        var read = page.Locator("[data-testid=event-row][data-kind=syscall][data-process=proc1]").Filter(new() { HasText = "read(p)" });
        await Assertions.Expect(read).ToContainTextAsync("\"hello\"");
        await Assertions.Expect(page.GetByTestId("timeline-lane")).ToHaveCountAsync(2);
        await Assertions.Expect(PlaygroundPage.Mark(page, "proc1", "read")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Editing_the_json_redraws_the_forms()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        var editor = page.GetByTestId("experiment-editor");
        var text = await editor.InputValueAsync();

        await editor.FillAsync(text.Replace("\"id\": \"child\"", "\"id\": \"kid\"", StringComparison.Ordinal)
            .Replace("\"process\": \"child\"", "\"process\": \"kid\"", StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("[data-testid=process-card][data-index='1']")).ToHaveAttributeAsync("data-process", "kid");
        await Assertions.Expect(page.GetByTestId("validation-error")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}

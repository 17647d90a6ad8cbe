using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>The page in Chinese, remembered across visits; dark theme remembered; usable at phone width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageAndLayoutTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Switching_to_chinese_translates_the_page_and_is_remembered_after_a_reload()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        await Assertions.Expect(page.GetByTestId("run-button")).ToHaveTextAsync("Run");

        await page.GetByTestId("language-switch").SelectOptionAsync("zh-Hans");
        await Assertions.Expect(page.GetByTestId("run-button")).ToHaveTextAsync("运行");
        await Assertions.Expect(page.GetByTestId("lesson-explanation")).ToContainTextAsync("管道");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("run-button")).ToHaveTextAsync("运行");
        await Assertions.Expect(page.GetByTestId("language-switch")).ToHaveValueAsync("zh-Hans");
        await BrowserFixture.SaveScreenshotAsync(page, "chinese");

        await page.GetByTestId("language-switch").SelectOptionAsync("en");
        await Assertions.Expect(page.GetByTestId("run-button")).ToHaveTextAsync("Run");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dark_theme_is_remembered()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        var before = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.NotEqual(before, await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At_phone_width_the_page_fits_and_still_runs()
    {
        var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = fixture.Server.BaseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        await PlaygroundPage.RunToCompletionAsync(page);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways at 390 px");
        await BrowserFixture.SaveScreenshotAsync(page, "phone-width");
        await context.CloseAsync();
    }

    [Fact]
    public async Task By_keyboard_alone_a_lesson_is_found_opened_and_run()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Alt+KeyL");
        await Assertions.Expect(page.GetByTestId("gallery-search")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("full pipe");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("lesson-explanation")).ToContainTextAsync("65536");
        await Assertions.Expect(page.GetByTestId("gallery-toggle")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(page.Locator("[data-testid=timeline-lane]")).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(390, 844)]
    public async Task Run_is_on_screen_as_the_page_opens_and_works_with_nothing_focused(int width, int height)
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Server.BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        var run = page.GetByTestId("run-button");
        await Assertions.Expect(run).ToBeInViewportAsync();
        var box = (await run.BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Y + box.Height <= height, $"Run is at y={box.Y} in a {height} px window");
        if (width < 500) await BrowserFixture.SaveScreenshotAsync(page, "phone-layout");

        // With nothing focused (as after a click on empty space), Ctrl+Enter still runs: the shortcut is heard on the document.
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        Assert.Equal("BODY", await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.tagName : 'BODY'"));
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        await context.CloseAsync();
    }
}

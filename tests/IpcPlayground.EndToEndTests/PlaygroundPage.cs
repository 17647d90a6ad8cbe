using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>What a person does on the playground page, as Playwright steps shared by the browser tests.</summary>
internal static class PlaygroundPage
{
    /// <summary>Opens the page and waits until the WebAssembly app is interactive (Run enabled).</summary>
    public static async Task OpenAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync();
    }

    public static async Task OpenLessonFromGalleryAsync(IPage page, string search, string lessonId)
    {
        await page.GetByTestId("gallery-toggle").ClickAsync();
        await page.GetByTestId("gallery-search").FillAsync(search);
        await page.Locator($"[data-testid=gallery-item][data-lesson='{lessonId}']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("gallery")).ToHaveCountAsync(0);
    }

    public static async Task RunToCompletionAsync(IPage page)
    {
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
    }

    public static ILocator Mark(IPage page, string process, string op) =>
        page.Locator($"[data-testid=timeline-mark][data-process='{process}'][data-op='{op}']");

    /// <summary>
    /// Picks a moment on the timeline: the inspector then shows the kernel's view just after it. The click goes to the
    /// mark itself: at the whole run's scale, marks a few microseconds apart are drawn on top of one another.
    /// </summary>
    public static async Task InspectAtAsync(ILocator mark)
    {
        await mark.DispatchEventAsync("click");
        await Assertions.Expect(mark.Page.GetByTestId("inspector-at")).ToHaveAttributeAsync("data-seq", (await mark.GetAttributeAsync("data-seq"))!);
    }

    public static ILocator InspectorObject(IPage page, string id) => page.Locator($"[data-testid=inspector-object][data-object='{id}']");
}

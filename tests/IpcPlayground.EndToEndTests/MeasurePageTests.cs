using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>
/// The measure page against the real server: a small matrix measured live, its throughput plot drawn, the share link
/// opening the same measurement in a fresh browser — and plotly.js fetched for this page only, no charting assembly ever.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeasurePageTests(BrowserFixture fixture)
{
    private const string PlotlyAssembly = "_framework/Plotly.Blazor";
    private const string PlotlyScript = "plotly-basic";

    private static List<string> Fetched(IPage page)
    {
        var urls = new List<string>();
        page.Request += (_, request) => { lock (urls) urls.Add(request.Url); };
        return urls;
    }

    private static bool AnyOf(List<string> urls, string part)
    {
        lock (urls) return urls.Any(u => u.Contains(part, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_playground_never_fetches_the_plotting_library()
    {
        var page = await fixture.NewPageAsync();
        var fetched = Fetched(page);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync();
        // The page fetches the hub client once it is idle; by then everything the playground loads has been asked for.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.False(AnyOf(fetched, PlotlyAssembly), "the playground fetched Plotly.Blazor");
        Assert.False(AnyOf(fetched, PlotlyScript), "the playground fetched plotly.js");
        Assert.False(AnyOf(fetched, "measure-plots.js"), "the playground fetched the plots' module");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_small_matrix_measures_live_plots_and_opens_again_from_its_share_link()
    {
        var page = await fixture.NewPageAsync();
        var fetched = Fetched(page);
        await page.GotoAsync("/measure?mechanisms=pipe,shm-ring&sizes=4096");

        await Assertions.Expect(page.GetByTestId("measure-mechanism-pipe")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("measure-mechanism-shm-ring")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("measure-mechanism-tcp")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("measure-mechanism-eventfd")).ToBeDisabledAsync();
        await page.GetByTestId("measure-run").ClickAsync();

        var status = page.GetByTestId("measure-status");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 90_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/m/[^/]+$"));
        foreach (var cell in new[] { "measure-cell-pipe-4096", "measure-cell-shm-ring-4096" })
            await Assertions.Expect(page.GetByTestId(cell).GetByTestId("measure-bytes")).Not.ToHaveTextAsync("—");
        await Assertions.Expect(page.GetByTestId("measure-machine")).ToContainTextAsync("Linux");
        // The form still says what was measured.
        await Assertions.Expect(page.GetByTestId("measure-mechanism-tcp")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("measure-size-64")).ToHaveAttributeAsync("aria-pressed", "false");

        // Plotly drew: one line for each mechanism and one for its C reference, in the throughput plot.
        var throughput = page.GetByTestId("measure-plot-throughput");
        await Assertions.Expect(throughput.Locator(".main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(throughput.Locator(".scatterlayer .trace")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("measure-plot-latency").Locator(".barlayer .trace")).ToHaveCountAsync(3);
        Assert.True(AnyOf(fetched, PlotlyScript), "the measure page did not load plotly.js");
        Assert.False(AnyOf(fetched, PlotlyAssembly), "the measure page fetched a charting assembly");
        await throughput.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "measure-throughput");

        var link = await page.GetByTestId("measure-share-link").GetAttributeAsync("href");
        Assert.NotNull(link);
        var pipeBytes = await page.GetByTestId("measure-cell-pipe-4096").GetByTestId("measure-bytes").TextContentAsync();
        await page.Context.CloseAsync();

        var fresh = await fixture.NewPageAsync();
        await fresh.GotoAsync(link!);
        await Assertions.Expect(fresh.GetByTestId("measure-status")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(fresh.GetByTestId("measure-cell-pipe-4096").GetByTestId("measure-bytes")).ToHaveTextAsync(pipeBytes!);
        await Assertions.Expect(fresh.GetByTestId("measure-mechanism-shm-ring")).ToBeCheckedAsync();
        await Assertions.Expect(fresh.GetByTestId("measure-mechanism-tcp")).Not.ToBeCheckedAsync();
        await Assertions.Expect(fresh.GetByTestId("measure-size-4096")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(fresh.GetByTestId("measure-size-64")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(fresh.GetByTestId("measure-plot-throughput").Locator(".scatterlayer .trace")).Not.ToHaveCountAsync(0);
        await fresh.Context.CloseAsync();
    }

    [Fact]
    public async Task A_bad_size_in_the_address_is_named_by_path_and_nothing_is_measured()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/measure?mechanisms=pipe&sizes=2m");
        await page.GetByTestId("measure-run").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=measure-error][data-path='sizes[0]']")).ToContainTextAsync("1 MiB");
        await Assertions.Expect(page.GetByTestId("measure-status")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}

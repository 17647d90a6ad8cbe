using System.Diagnostics;
using System.Globalization;
using IpcPlayground.Testing;
using Microsoft.Playwright;

namespace IpcPlayground.Benchmarks;

/// <summary>
/// The page's first load as a visitor gets it: the server published as <c>scripts/serve.sh</c> publishes it (static
/// assets precompressed), Debian's Chromium on loopback with an empty cache. Prints the bytes over the wire (encoded,
/// as sent) by kind, and the time from navigation to interactive (the Run button enabled, i.e. the WebAssembly app
/// has started and rendered).
/// </summary>
public static class FirstLoad
{
    public static async Task RunAsync(int loads)
    {
        var publishDir = Path.Combine(PlaygroundServer.RepositoryPath(".build"), "firstload-server");
        if (Environment.GetEnvironmentVariable("FIRSTLOAD_REUSE_PUBLISH") != "1") await PublishAsync(publishDir);
        var port = Loopback.FreePort();
        using var server = StartServer(publishDir, port);
        var baseUrl = $"http://127.0.0.1:{port}/";
        using (var http = new HttpClient { BaseAddress = new Uri(baseUrl) }) await Loopback.WaitHealthyAsync(http, 300, anyAnswer: true);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumBrowser.Path, Headless = true, Args = ChromiumBrowser.Args });

        if (Environment.GetEnvironmentVariable("FIRSTLOAD_PROFILE") == "1")
        {
            await FirstLoadProfile.PrintAsync(browser, baseUrl, repeatVisit: false);
            await FirstLoadProfile.PrintAsync(browser, baseUrl, repeatVisit: true);
            return;
        }

        // FIRSTLOAD_BASELINE=<another publish directory>: that build is served too and loaded in turn with this one, so
        // both see the same moments of a shared machine; the figures print side by side with their ratios.
        var baselineDir = Environment.GetEnvironmentVariable("FIRSTLOAD_BASELINE");
        var baselinePort = Loopback.FreePort();
        using var baselineServer = baselineDir is null ? null : StartServer(baselineDir, baselinePort);
        var baselineUrl = $"http://127.0.0.1:{baselinePort}/";
        if (baselineServer is not null)
            using (var http = new HttpClient { BaseAddress = new Uri(baselineUrl) }) await Loopback.WaitHealthyAsync(http, 300, anyAnswer: true);

        var samples = new List<Sample>();
        var baselineSamples = new List<Sample>();
        for (var i = 0; i < loads + 1; i++)
        {
            if (baselineServer is not null)
            {
                var before = await LoadOnceAsync(browser, baselineUrl);
                if (i > 0) baselineSamples.Add(before);
            }
            var sample = await LoadOnceAsync(browser, baseUrl);
            if (i > 0) samples.Add(sample); // the first load warms the server's own JIT and file cache
        }
        if (baselineServer is not null)
        {
            Print($"baseline ({baselineDir})", baselineUrl, baselineSamples, loads);
            Print("this build", baseUrl, samples, loads);
            Console.WriteLine("  this build / baseline (medians): " + string.Join(", ",
                Ratio("Run enabled", s => s.InteractiveMs), Ratio("repeat visit", s => s.RepeatInteractiveMs),
                Ratio("first paint", s => s.ShellPaintMs), Ratio("first Run → first event", s => s.FirstRunMs),
                Ratio("bytes", s => s.WireBytes), Ratio("bytes before Run enabled", s => s.BytesBeforeInteractive), Ratio("main thread busy", s => s.BusyMs)));
            string Ratio(string what, Func<Sample, double> of) =>
                $"{what} {(Median(samples.Select(of)) / Median(baselineSamples.Select(of))).ToString("0.00", CultureInfo.InvariantCulture)}";
        }
        else Print("", baseUrl, samples, loads);

        // The published (trimmed) page must still work: run the default example to the end once.
        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(baseUrl);
            await page.GetByTestId("run-button").ClickAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByTestId("timeline-mark").First).ToBeAttachedAsync();
        }
        Console.WriteLine("  the published page ran the pipe example to 'completed'");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void Print(string label, string baseUrl, List<Sample> samples, int loads)
    {
        var last = samples[^1];
        Console.WriteLine($"First load of {baseUrl} {label} in Chromium, empty cache, {loads} loads (after one warm-up):");
        Console.WriteLine($"  requests: {last.Requests}; Accept-Encoding sent: {last.AcceptEncoding}");
        Console.WriteLine($"  bytes over the wire (bodies as sent + headers): {Mb(last.WireBytes)} MB  (decoded: {Mb(last.DecodedBytes)} MB); "
            + $"of them before Run was enabled: {Mb(last.BytesBeforeInteractive)} MB");
        foreach (var (kind, bytes) in last.ByKind.OrderByDescending(k => k.Value))
            Console.WriteLine($"    {kind,-10} {Mb(bytes)} MB");
        var paint = samples.Select(s => s.ShellPaintMs).Order().ToList();
        Console.WriteLine($"  first paint (navigation → first contentful paint), ms: median {F(paint[paint.Count / 2])}, min {F(paint[0])}, max {F(paint[^1])}; the page's shell (Run in view) painted: {(samples.All(s => s.ShellPainted) ? "yes" : "NO")}");
        var tti = samples.Select(s => s.InteractiveMs).Order().ToList();
        Console.WriteLine($"  time to interactive (navigation → Run enabled), ms: median {F(tti[tti.Count / 2])}, min {F(tti[0])}, max {F(tti[^1])}");
        var repeat = samples.Select(s => s.RepeatInteractiveMs).Order().ToList();
        Console.WriteLine($"  repeat visit (same browser, cache warm) → Run enabled, ms: median {F(repeat[repeat.Count / 2])}, min {F(repeat[0])}, max {F(repeat[^1])}");
        var firstRun = samples.Select(s => s.FirstRunMs).Order().ToList();
        Console.WriteLine($"  first Run → its first event on the page, ms: median {F(firstRun[firstRun.Count / 2])}, min {F(firstRun[0])}, max {F(firstRun[^1])}; "
            + $"assemblies fetched for it: {Mb(last.FirstRunWasmBytes)} MB");
        var downloaded = samples.Select(s => s.DownloadedMs).Order().ToList();
        Console.WriteLine($"  of which the last file arrived (navigation → last responseEnd), ms: median {F(downloaded[downloaded.Count / 2])}");
        var busy = samples.Select(s => s.BusyMs).Order().ToList();
        Console.WriteLine($"  main thread busy until then (Chromium TaskDuration), ms: median {F(busy[busy.Count / 2])}, min {F(busy[0])}, max {F(busy[^1])}");
        Console.WriteLine($"  machine load average while measuring: {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores");
        Console.WriteLine($"  targets: ≤ 3 MB compressed → {Met(last.WireBytes <= 3_000_000)}; shell painted ≤ 300 ms → {Met(paint[paint.Count / 2] <= 300)}; "
            + $"first visit ≤ 1500 ms → {Met(tti[tti.Count / 2] <= 1500)}; repeat visit ≤ 800 ms → {Met(repeat[repeat.Count / 2] <= 800)}");
    }

    /// <summary>The published server, killed (only it and its children) when the benchmark ends.</summary>
    private sealed class ServerProcess(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }

    private sealed record Sample(int Requests, long WireBytes, long DecodedBytes, Dictionary<string, long> ByKind, double InteractiveMs, double BusyMs,
        double DownloadedMs, string AcceptEncoding, double ShellPaintMs, bool ShellPainted, double RepeatInteractiveMs, double FirstRunMs, long FirstRunWasmBytes, long BytesBeforeInteractive);

    private static string Met(bool met) => met ? "met" : "NOT met";

    private static async Task<Sample> LoadOnceAsync(IBrowser browser, string baseUrl)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") Console.Error.WriteLine("page error: " + m.Text); };
        var finished = new List<IRequest>();
        page.RequestFinished += (_, r) => { lock (finished) finished.Add(r); };

        // Whether the first paint already had a Run button in view: the page's shell, not a "Loading…" line.
        await page.AddInitScriptAsync("""
            new PerformanceObserver(list => {
              if (list.getEntriesByName('first-contentful-paint').length === 0 || window.__shellHadRun !== undefined) return;
              const run = document.querySelector('#app .run-bar button');
              const box = run?.getBoundingClientRect();
              window.__shellHadRun = !!box && box.bottom <= innerHeight && box.height > 0;
            }).observe({ type: 'paint', buffered: true });
            // The first event row of a run, to the millisecond.
            new MutationObserver((_, observer) => {
              if (document.querySelector('[data-testid=event-row]')) { window.__firstEventAt = performance.now(); observer.disconnect(); }
            }).observe(document, { childList: true, subtree: true });
            // The moment the app's Run button is enabled, to the millisecond (Playwright's polling is coarser).
            new MutationObserver((_, observer) => {
              const run = document.querySelector('[data-testid=run-button]');
              if (run && !run.disabled) { window.__runEnabledAt = performance.now(); observer.disconnect(); }
            }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
            """);
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        await page.GotoAsync(baseUrl);
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync(new() { Timeout = 60_000 });
        var interactive = await page.EvaluateAsync<double>("window.__runEnabledAt");
        var busy = await ChromiumMetrics.MainThreadBusyMsAsync(cdp);
        var paint = await page.EvaluateAsync<double>("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
        var shellPainted = await page.EvaluateAsync<bool>("window.__shellHadRun === true");
        var downloaded = await page.EvaluateAsync<double>("Math.max(...performance.getEntriesByType('resource').map(r => r.responseEnd))");
        // What the page needed before Run was enabled: the document and every file that arrived by then.
        var beforeInteractive = await page.EvaluateAsync<long>("""
            () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                    .filter(r => r.responseEnd <= window.__runEnabledAt).reduce((sum, r) => sum + r.transferSize, 0)
            """);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long wire = 0, decoded = 0;
        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        string acceptEncoding = "";
        List<IRequest> requests;
        lock (finished) requests = [.. finished];
        var requestCount = requests.Count;
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            var response = await request.ResponseAsync();
            var onWire = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            wire += onWire;
            if (response is not null && response.Status == 200) decoded += (await response.BodyAsync()).Length;
            var kind = KindOf(request.Url);
            byKind[kind] = byKind.GetValueOrDefault(kind) + onWire;
            if (request.Url.EndsWith(".wasm", StringComparison.Ordinal) && (await request.AllHeadersAsync()).TryGetValue("accept-encoding", out var ae))
                acceptEncoding = ae;
        }

        // The first Run on that page: what a visitor waits for their first event (with the SignalR client, fetched now).
        lock (finished) finished.Clear();
        var clickedAt = await page.EvaluateAsync<double>("performance.now()");
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("event-row").First).ToBeAttachedAsync(new() { Timeout = 60_000 });
        var firstRun = await page.EvaluateAsync<double>("window.__firstEventAt") - clickedAt;
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 60_000 });
        lock (finished) requests = [.. finished];
        long runWasm = 0;
        foreach (var request in requests.Where(r => r.Url.EndsWith(".wasm", StringComparison.Ordinal)))
        {
            var sizes = await request.SizesAsync();
            runWasm += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        // The same browser comes back: everything it may keep is in its cache.
        await page.GotoAsync(baseUrl);
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync(new() { Timeout = 60_000 });
        var repeat = await page.EvaluateAsync<double>("window.__runEnabledAt");
        return new Sample(requestCount, wire, decoded, byKind, interactive, busy, downloaded, acceptEncoding, paint, shellPainted, repeat, firstRun, runWasm, beforeInteractive);
    }

    private static string KindOf(string url)
    {
        var path = new Uri(url).AbsolutePath;
        var ext = Path.GetExtension(path);
        return ext switch
        {
            ".wasm" => "wasm",
            ".js" or ".mjs" => "javascript",
            ".dat" => "icu",
            ".css" => "css",
            ".json" => "json",
            "" or ".html" => "html",
            _ => ext.TrimStart('.'),
        };
    }

    private static async Task PublishAsync(string output)
    {
        var project = PlaygroundServer.RepositoryPath("server/IpcPlayground.Server/IpcPlayground.Server.csproj");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "-nologo", "-v", "quiet"]))!;
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0) throw new InvalidOperationException("dotnet publish of the server failed");
    }

    private static ServerProcess StartServer(string publishDir, int port)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(publishDir, "IpcPlayground.Server.dll"), "--urls", $"http://127.0.0.1:{port}", "--contentRoot", publishDir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process);
    }

    private static string Mb(long bytes) => (bytes / 1_000_000.0).ToString("0.000", CultureInfo.InvariantCulture);
    private static string F(double ms) => ms.ToString("0", CultureInfo.InvariantCulture);
}

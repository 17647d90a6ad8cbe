using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace IpcPlayground.Benchmarks;

/// <summary>
/// What the page's main thread does between navigation and Run enabled: one load under V8's sampling profiler, the
/// functions (JavaScript and WebAssembly) that took the most time themselves, and the share of each script.
/// </summary>
public static class FirstLoadProfile
{
    public static async Task PrintAsync(IBrowser browser, string baseUrl, bool repeatVisit)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        if (repeatVisit)
        {
            await page.GotoAsync(baseUrl);
            await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync(new() { Timeout = 60_000 });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await page.AddInitScriptAsync("""
            new MutationObserver((_, o) => {
              const app = document.getElementById('app');
              if (app && !app.querySelector('[data-testid=loading]') && !window.__firstRender) { window.__firstRender = performance.now(); o.disconnect(); }
            }).observe(document, { childList: true, subtree: true });
            window.__marks = [];
            for (const level of ['log', 'info', 'debug']) {
              const original = console[level];
              console[level] = (...args) => { window.__marks.push(performance.now().toFixed(1) + ' ' + args.join(' ')); original.apply(console, args); };
            }
            """);
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Profiler.enable");
        await cdp.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 200 });
        await cdp.SendAsync("Profiler.start");
        await page.GotoAsync(baseUrl);
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync(new() { Timeout = 60_000 });
        var enabledAt = await page.EvaluateAsync<double>("performance.now()");
        var result = await cdp.SendAsync("Profiler.stop");
        var marks = await page.EvaluateAsync<JsonElement>("""
            () => ({ firstRender: window.__firstRender ?? -1,
                     logged: window.__marks,
                     dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
                     resources: performance.getEntriesByType('resource').map(r => [r.name.split('/').pop(), r.startTime, r.responseEnd]) })
            """);
        Console.WriteLine($"  DOMContentLoaded {F(marks.GetProperty("dcl").GetDouble())} ms, first render {F(marks.GetProperty("firstRender").GetDouble())} ms, Run enabled seen by ~{F(enabledAt)} ms");
        foreach (var line in marks.GetProperty("logged").EnumerateArray()) Console.WriteLine("    console: " + line.GetString());
        foreach (var r in marks.GetProperty("resources").EnumerateArray().OrderBy(r => r[2].GetDouble()))
            Console.WriteLine($"    {r[0].GetString(),-70} {F(r[1].GetDouble()),7} → {F(r[2].GetDouble()),7}");
        var profile = result!.Value.GetProperty("profile");

        var nodes = new Dictionary<int, (string Name, string Url)>();
        foreach (var node in profile.GetProperty("nodes").EnumerateArray())
        {
            var frame = node.GetProperty("callFrame");
            var name = frame.GetProperty("functionName").GetString() is { Length: > 0 } n ? n : "(anonymous)";
            nodes[node.GetProperty("id").GetInt32()] = (name, Path.GetFileName(frame.GetProperty("url").GetString() ?? ""));
        }
        var samples = profile.GetProperty("samples").EnumerateArray().Select(s => s.GetInt32()).ToList();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(d => d.GetInt64()).ToList();
        var byFunction = new Dictionary<(string, string), double>();
        var byScript = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < samples.Count; i++)
        {
            var ms = (i + 1 < deltas.Count ? deltas[i + 1] : 0) / 1000.0;
            var key = nodes[samples[i]];
            byFunction[key] = byFunction.GetValueOrDefault(key) + ms;
            var script = key.Url is { Length: > 0 } url ? url : key.Name;
            byScript[script] = byScript.GetValueOrDefault(script) + ms;
        }
        Console.WriteLine($"  main thread profile of one {(repeatVisit ? "repeat" : "first")} visit (self time, ms):");
        foreach (var (script, ms) in byScript.OrderByDescending(s => s.Value).Take(8))
            Console.WriteLine($"    {F(ms),7}  {script}");
        Console.WriteLine("    top functions:");
        foreach (var ((name, url), ms) in byFunction.OrderByDescending(s => s.Value).Take(25))
            Console.WriteLine($"    {F(ms),7}  {name}  {url}");
    }

    private static string F(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
}

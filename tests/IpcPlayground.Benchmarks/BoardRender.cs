using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IpcPlayground.Benchmarks.WorkshopLoad;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace IpcPlayground.Benchmarks;

/// <summary>
/// The instructor board in Debian's Chromium with a room of simulated participants (SignalR clients running lessons):
/// how long the board takes to show every row, how long a participant's change takes from the hub to the board's DOM
/// (against an in-process instructor client receiving the same change, one wall clock), how busy the page's main
/// thread is, its long tasks, and whether the board ends up showing every participant's last change.
/// </summary>
public static class BoardRender
{
    /// <summary>Kept in the page: each board row change as [participant, run, events, epoch ms], and long tasks.</summary>
    private const string PageProbe = """
        window.__board = { changes: [], longTasks: [] };
        new PerformanceObserver(list => { for (const e of list.getEntries()) window.__board.longTasks.push(e.duration); })
            .observe({ type: 'longtask', buffered: true });
        const note = row => window.__board.changes.push([row.dataset.participant, row.dataset.run || '', row.dataset.events || '', performance.timeOrigin + performance.now()]);
        new MutationObserver(mutations => {
            for (const m of mutations) {
                if (m.type === 'attributes' && m.target.dataset?.testid === 'board-row') note(m.target);
                for (const n of m.addedNodes ?? []) {
                    if (n.nodeType !== 1) continue;
                    if (n.dataset?.testid === 'board-row') note(n);
                    n.querySelectorAll?.('[data-testid=board-row]').forEach(note);
                }
            }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-run', 'data-events'] });
        """;

    public static async Task RunAsync(IReadOnlyList<int> rooms, TimeSpan period)
    {
        var step = TimeSpan.FromSeconds(Math.Max(25, 2 * period.TotalSeconds));
        Console.WriteLine($"Instructor board in Chromium (1280×720), one server; each participant runs a lesson every {period.TotalSeconds:0} s for {step.TotalSeconds:0} s.");
        Console.WriteLine("open = navigation → every row on the board; lag = hub change received by an in-process instructor → the row's change in the page's DOM");
        Console.WriteLine("(the board redraws at most every 150 ms); busy = the page's main thread (Chromium TaskDuration) over the step; long = tasks > 50 ms.");
        Console.WriteLine($"{"particip.",9} {"open ms",8} {"changes",8} {"shown",6} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"max ms",7} {"busy %",7} {"long",5} {"longest",8} {"final",6} {"cpu %",6}");
        await using var cluster = LoadCluster.StartOne();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumBrowser.Path, Headless = true, Args = ChromiumBrowser.Args });
        await MeasureAsync(cluster, browser, 2, TimeSpan.FromSeconds(6), period, print: false); // warm up the server and the page's code
        foreach (var participants in rooms) await MeasureAsync(cluster, browser, participants, step, period, print: true);
    }

    private static async Task MeasureAsync(LoadCluster cluster, IBrowser browser, int participants, TimeSpan duration, TimeSpan period, bool print)
    {
        var server = cluster.Servers[0];
        await using var room = await LoadRoom.CreateAsync(cluster, $"Board {participants}");
        var created = room.Created;

        // When each change reached an instructor; the last change per participant is what the board must end up showing.
        var received = new ConcurrentDictionary<(string, string, string), double>();
        var last = new ConcurrentDictionary<string, (string Run, string Events)>();
        await using var reference = WorkshopConnection.Build(server.BaseAddress, IWorkshopHub.Path, created.InstructorKey);
        reference.On<ParticipantStatus>(nameof(IWorkshopClient.ParticipantChanged), p =>
        {
            var key = (p.ParticipantId, p.Run?.RunId ?? "", p.Run?.EventCount.ToString(CultureInfo.InvariantCulture) ?? "");
            received.TryAdd(key, (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds);
            if (p.Run is not null) last[p.ParticipantId] = (key.Item2, key.Item3);
        });
        await reference.StartAsync().DefaultTimeout();

        await room.JoinAsync(participants);
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(PageProbe);
        var opening = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(server.BaseAddress, $"/w/{created.WorkshopId}#key={created.InstructorKey}").ToString());
        await Assertions.Expect(page.GetByTestId("board-row")).ToHaveCountAsync(participants, new() { Timeout = 120_000 });
        var openMs = opening.Elapsed.TotalMilliseconds;

        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        await page.EvaluateAsync("() => { window.__board.changes = []; window.__board.longTasks = []; }");
        var busyBefore = await ChromiumMetrics.MainThreadBusyMsAsync(cdp);
        var machine = new MachineLoad();
        var clock = Stopwatch.StartNew();
        await room.RunLessonsAsync(duration, period);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the last redraw
        var busy = (await ChromiumMetrics.MainThreadBusyMsAsync(cdp) - busyBefore) / clock.Elapsed.TotalMilliseconds * 100;
        var cpu = machine.CpuPercent();

        using var changes = JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__board.changes)"));
        var longTasks = await page.EvaluateAsync<double[]>("() => window.__board.longTasks");
        var shown = new Dictionary<(string, string, string), double>();
        foreach (var c in changes.RootElement.EnumerateArray())
            shown.TryAdd((c[0].GetString()!, c[1].GetString()!, c[2].GetString()!), c[3].GetDouble());
        var lags = shown.Where(s => received.ContainsKey(s.Key)).Select(s => s.Value - received[s.Key]).Order().ToList();
        var finalRows = await page.GetByTestId("board-row").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.participant, r.dataset.run || '', r.dataset.events || ''])");
        var finalMatches = finalRows.Count(r => last.TryGetValue(r[0], out var l) && l == (r[1], r[2]));
        if (!print) return;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{participants,9} {openMs,8:0} {received.Count,8} {lags.Count,6} {Q(lags, 0.5),7:0} {Q(lags, 0.95),7:0} {Q(lags, 0.99),7:0} {Q(lags, 1),7:0} {busy,7:0} {longTasks.Length,5} {(longTasks.Length == 0 ? 0 : longTasks.Max()),8:0} {(finalMatches == last.Count ? "all" : $"{finalMatches}/{last.Count}"),6} {cpu,6:0}"));
        if (room.Stats is { Failed: > 0 } or { Refused: > 0 })
            Console.WriteLine($"{"",9} runs: {room.Stats.Completed} ok, {room.Stats.Failed} failed, {room.Stats.Refused} refused");
    }

    private static double Q(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
}

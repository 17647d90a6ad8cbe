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
        const note = row => window.__board.changes.push([row.dataset.participant, row.dataset.run || '', row.dataset.events || '', Date.now()]);
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
        Console.WriteLine("open = navigation → every row on the board; changes = participants' changes during the runs; drawn = those the board drew as such");
        Console.WriteLine("(the board redraws at most every 150 ms, folding changes in between); lag = a change received by an in-process instructor");
        Console.WriteLine("connection → the first moment its row showed it or a later change (wall clock, ms; 'early' counts negative lags: that");
        Console.WriteLine("connection was slower than the page); busy = the page's main thread (Chromium TaskDuration) over the runs; long = tasks > 50 ms;");
        Console.WriteLine("final = rows that end on their participant's last change.");
        Console.WriteLine($"{"particip.",9} {"open ms",8} {"changes",8} {"drawn",6} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"max ms",7} {"early",6} {"busy %",7} {"long",5} {"longest",8} {"final",6} {"cpu %",6}");
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

        // When each change reached an instructor, in the order they came; each participant's last is what the board must end on.
        var received = new List<Change>();
        await using var reference = WorkshopConnection.Build(server.BaseAddress, IWorkshopHub.Path, created.InstructorKey);
        reference.On<ParticipantStatus>(nameof(IWorkshopClient.ParticipantChanged), p =>
        {
            var change = new Change(p.ParticipantId, $"{p.Run?.RunId}|{p.Run?.EventCount}", (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds);
            lock (received) received.Add(change);
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
        lock (received) received.Clear();
        var busyBefore = await ChromiumMetrics.MainThreadBusyMsAsync(cdp);
        var machine = new MachineLoad();
        var clock = Stopwatch.StartNew();
        await room.RunLessonsAsync(duration, period);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the last redraw
        var busy = (await ChromiumMetrics.MainThreadBusyMsAsync(cdp) - busyBefore) / clock.Elapsed.TotalMilliseconds * 100;
        var cpu = machine.CpuPercent();

        using var changes = JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__board.changes)"));
        var longTasks = await page.EvaluateAsync<double[]>("() => window.__board.longTasks");
        var shown = changes.RootElement.EnumerateArray()
            .Select(c => new Change(c[0].GetString()!, $"{c[1].GetString()}|{c[2].GetString()}", c[3].GetDouble())).ToList();
        List<Change> during;
        lock (received) during = [.. received];
        var lags = LagsOf(during, shown);
        var drawn = during.Select(c => (c.Participant, c.Key)).Intersect(shown.Select(c => (c.Participant, c.Key))).Count();
        var lastChanges = during.GroupBy(c => c.Participant).ToDictionary(g => g.Key, g => g.Last().Key);
        var finalRows = await page.GetByTestId("board-row").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.participant, (r.dataset.run || '') + '|' + (r.dataset.events || '')])");
        var finalMatches = finalRows.Count(r => lastChanges.TryGetValue(r[0], out var key) && key == r[1]);
        if (!print) return;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{participants,9} {openMs,8:0} {during.Count,8} {drawn,6} {Quantile.Of(lags, 0.5),7:0} {Quantile.Of(lags, 0.95),7:0} {Quantile.Of(lags, 0.99),7:0} {Quantile.Of(lags, 1),7:0} {lags.Count(l => l < 0),6} {busy,7:0} {longTasks.Length,5} {(longTasks.Length == 0 ? 0 : longTasks.Max()),8:0} {(finalMatches == lastChanges.Count ? "all" : $"{finalMatches}/{lastChanges.Count}"),6} {cpu,6:0}"));
        if (lags.Count < during.Count) Console.WriteLine($"{"",9} {during.Count - lags.Count} changes never shown");
        if (room.Stats is { Failed: > 0 } or { Refused: > 0 })
            Console.WriteLine($"{"",9} runs: {room.Stats.Completed} ok, {room.Stats.Failed} failed, {room.Stats.Refused} refused");
    }

    private sealed record Change(string Participant, string Key, double At);

    /// <summary>
    /// For each change received, in order per participant: the first moment the page showed it or a later change of
    /// the same participant (a change folded into a later redraw waited for that one), minus when it was received.
    /// Sorted; changes never shown are left out.
    /// </summary>
    private static List<double> LagsOf(IReadOnlyList<Change> received, IReadOnlyList<Change> shown)
    {
        var lags = new List<double>();
        var shownBy = shown.GroupBy(c => c.Participant).ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).ToList());
        foreach (var changes in received.GroupBy(c => c.Participant))
        {
            var order = changes.ToList();
            var position = new Dictionary<string, int>();
            for (var i = 0; i < order.Count; i++) position.TryAdd(order[i].Key, i);
            var drawn = shownBy.GetValueOrDefault(changes.Key, [])
                .Where(c => position.ContainsKey(c.Key)).Select(c => (Position: position[c.Key], c.At)).ToList();
            for (var i = 0; i < order.Count; i++)
                if (drawn.FirstOrDefault(d => d.Position >= i) is { At: > 0 } first) lags.Add(first.At - order[i].At);
        }
        lags.Sort();
        return lags;
    }
}

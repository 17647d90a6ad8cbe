using Microsoft.Playwright;

namespace IpcPlayground.Benchmarks;

/// <summary>Chromium's own performance counters of a page, read over the DevTools protocol.</summary>
public static class ChromiumMetrics
{
    /// <summary>
    /// Chromium's TaskDuration: how long the page's main thread has been busy (ms), which a loaded machine stretches far
    /// less than wall-clock time. Needs <c>Performance.enable</c> on the session first.
    /// </summary>
    public static async Task<double> MainThreadBusyMsAsync(ICDPSession cdp)
    {
        if (await cdp.SendAsync("Performance.getMetrics") is not { } m || !m.TryGetProperty("metrics", out var list)) return double.NaN;
        foreach (var metric in list.EnumerateArray())
            if (metric.GetProperty("name").GetString() == "TaskDuration") return metric.GetProperty("value").GetDouble() * 1000;
        return double.NaN;
    }
}

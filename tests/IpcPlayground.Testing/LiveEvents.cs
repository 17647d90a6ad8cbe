using System.Text.Json.Nodes;

namespace IpcPlayground.Testing;

/// <summary>Follows a run's NDJSON event stream as it is written, so a test can wait for an event and then act.</summary>
public sealed class LiveEvents : IAsyncDisposable
{
    private readonly List<JsonObject> _events = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private LiveEvents(HttpClient http, string runId)
    {
        RunId = runId;
        _reading = ReadAsync(http, runId);
    }

    public string RunId { get; }

    public static LiveEvents Follow(HttpClient http, string runId) => new(http, runId);

    public IReadOnlyList<JsonObject> Events
    {
        get { lock (_events) return [.. _events]; }
    }

    /// <summary>Waits (with the default timeout) for an event after the first <paramref name="skip"/> that matches.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, int skip = 0)
    {
        var deadline = DateTime.UtcNow + TaskTimeouts.Default;
        while (true)
        {
            var seen = Events;
            if (seen.Skip(skip).FirstOrDefault(match) is { } found) return found;
            if (_reading.IsCompleted) throw new InvalidOperationException("the run ended without the awaited event: " + string.Join("\n", seen.Select(e => e.ToJsonString())));
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("no such event within the timeout: " + string.Join("\n", seen.Select(e => e.ToJsonString())));
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits for the stream's end (run-end) and returns every event.</summary>
    public async Task<IReadOnlyList<JsonObject>> CompletionAsync()
    {
        await _reading.DefaultTimeout();
        return Events;
    }

    private async Task ReadAsync(HttpClient http, string runId)
    {
        using var response = await http.GetAsync($"/api/runs/{runId}/events", HttpCompletionOption.ResponseHeadersRead, _stop.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.Length == 0) continue;
            lock (_events) _events.Add(JsonNode.Parse(line)!.AsObject());
            _arrived.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _reading; }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException) { }
        _stop.Dispose();
        _arrived.Dispose();
    }
}

using Microsoft.AspNetCore.SignalR.Client;

namespace IpcPlayground.Testing;

/// <summary>What a hub connection received through one client method, in order, and a wait for one that matches.</summary>
public sealed class HubInbox<T>
{
    private readonly List<T> _items = [];
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>Listens to <paramref name="method"/>; make it before the connection starts.</summary>
    public HubInbox(HubConnection connection, string method) =>
        connection.On<T>(method, item =>
        {
            lock (_items) _items.Add(item);
            _arrived.Release();
        });

    public IReadOnlyList<T> Items
    {
        get { lock (_items) return [.. _items]; }
    }

    /// <summary>Waits (with the default timeout) for a message that matches.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match)
    {
        var deadline = DateTime.UtcNow + TaskTimeouts.Default;
        while (true)
        {
            var seen = Items;
            if (seen.FirstOrDefault(match) is { } found) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"no such message within the timeout; received: {string.Join("\n", seen)}");
            await _arrived.WaitAsync(left);
        }
    }
}

using System.Diagnostics;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;
using Microsoft.AspNetCore.SignalR.Client;

namespace IpcPlayground.Benchmarks.PredictLoad;

/// <summary>The instructor's board as the benchmark sees it: every <c>PredictionTallied</c>, stamped when it arrived.</summary>
public sealed class TallyWatch : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<(long At, PredictionTally Tally)> _tallies = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private TallyWatch(HubConnection connection)
    {
        _connection = connection;
        connection.On<PredictionTally>(nameof(IWorkshopClient.PredictionTallied), tally =>
        {
            var at = Stopwatch.GetTimestamp();
            lock (_tallies) _tallies.Add((at, tally));
            _arrived.Release();
        });
    }

    public static async Task<TallyWatch> OpenAsync(Uri server, string instructorKey)
    {
        var watch = new TallyWatch(WorkshopConnection.Build(server, IWorkshopHub.Path, instructorKey));
        await watch._connection.StartAsync().DefaultTimeout();
        // One round trip: the server has put the connection in the room's groups before anything is sent to them.
        await watch._connection.InvokeAsync<WorkshopInfo>(nameof(IWorkshopHub.GetWorkshop)).DefaultTimeout();
        return watch;
    }

    public IReadOnlyList<(long At, PredictionTally Tally)> Tallies
    {
        get { lock (_tallies) return [.. _tallies]; }
    }

    /// <summary>Waits for a tally that <paramref name="match"/>es, up to <paramref name="limit"/>; its arrival stamp, or null.</summary>
    public async Task<long?> WaitForAsync(Func<PredictionTally, bool> match, TimeSpan limit)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (Tallies.FirstOrDefault(t => match(t.Tally)) is { Tally: not null } found) return found.At;
            var left = TimeSpan.FromSeconds((double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            if (left <= TimeSpan.Zero) return null;
            await _arrived.WaitAsync(left);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _arrived.Dispose();
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IpcPlayground.Runs;

/// <summary>
/// Work a request starts and does not wait for (a run, following a workshop run for the board). Owned here rather
/// than left to the thread pool: a failure is logged, and at shutdown the host waits for all of it to finish, so a
/// run the shutdown killed still records its end and no record is left half-written.
/// </summary>
public sealed class BackgroundWork(ILogger<BackgroundWork> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, string> _running = new();

    public int Count => _running.Count;

    /// <param name="what">Names the work in the log if it fails ("run k3v6…").</param>
    public void Start(string what, Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try { await work(); }
            catch (Exception e) when (e is not OperationCanceledException) { RunsLog.BackgroundWorkFailed(logger, what, e); }
        }, CancellationToken.None);
        _running[task] = what;
        // Registered after the add, so a task that has already finished is still removed.
        task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for what is still running (runs end soon: the server's stopping token kills their sandboxes).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
}

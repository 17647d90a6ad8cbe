using System.Runtime.InteropServices;

namespace IpcPlayground.Benchmarks.WorkshopLoad;

/// <summary>
/// Ctrl+C or SIGTERM ends the benchmark at once and takes down what it started (servers with their runs, Redis,
/// PostgreSQL). Without this the in-process hosts take the signal for themselves: they stop, the process does not,
/// and a kill -9 after that leaves the databases behind.
/// </summary>
internal static class StopOnSignal
{
    private static readonly List<IAsyncDisposable> Owned = [];
    private static readonly Lock Gate = new();
    private static PosixSignalRegistration? _interrupt;
    private static PosixSignalRegistration? _terminate;
    private static int _stopping;

    public static T Own<T>(T resource) where T : IAsyncDisposable
    {
        lock (Gate)
        {
            Owned.Add(resource);
            _interrupt ??= PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            _terminate ??= PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        }
        return resource;
    }

    /// <summary>The resource was disposed in the normal way.</summary>
    public static void Release(IAsyncDisposable resource)
    {
        lock (Gate) Owned.Remove(resource);
    }

    private static void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Exchange(ref _stopping, 1) == 1) return; // a second Ctrl+C while the first one cleans up
        Console.Error.WriteLine($"{context.Signal}: stopping; taking down the servers and databases the benchmark started");
        IAsyncDisposable[] owned;
        lock (Gate) owned = [.. Owned];
        foreach (var resource in owned.Reverse())
        {
            try
            {
                if (!resource.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(20)))
                    Console.Error.WriteLine($"  {resource.GetType().Name} did not stop within 20 s");
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"  could not stop {resource.GetType().Name}: {(e as AggregateException)?.InnerException?.Message ?? e.Message}");
            }
        }
        Environment.Exit(130);
    }
}

using System.Collections.Concurrent;

namespace IpcPlayground.Sandbox;

/// <summary>Runs work items on one thread that lives as long as the server.</summary>
internal sealed class DedicatedThreadLauncher : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public DedicatedThreadLauncher(string name)
    {
        _thread = new Thread(() =>
        {
            foreach (var item in _work.GetConsumingEnumerable()) item();
        }) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="work"/> for the thread; the caller waits without holding a thread of its own.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try { result.SetResult(work()); }
            catch (Exception e) { result.SetException(e); }
        });
        return result.Task;
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(5));
        _work.Dispose();
    }
}

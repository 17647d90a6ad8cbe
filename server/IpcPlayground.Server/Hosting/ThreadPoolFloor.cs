namespace IpcPlayground.Server.Hosting;

/// <summary>
/// Raises the thread pool's minimum (<c>ThreadPool:MinThreads</c>, default 64). Above the minimum the pool adds a thread
/// only every half second or so; a room's runs arrive in bursts, and some calls underneath stay synchronous (SQLite,
/// cgroupfs, the Redis and PostgreSQL clients' completions), so with the default of one thread per core the event
/// stream waited for threads: with two instances on two cores and 500 participants, p99 event → client 142 ms at the
/// default, 7.6 ms at 64 (the <c>workshop-load</c> benchmark). StackExchange.Redis's own guidance says the same.
/// </summary>
public static class ThreadPoolFloor
{
    public const string Key = "ThreadPool:MinThreads";

    public static WebApplicationBuilder AddThreadPoolFloor(this WebApplicationBuilder builder)
    {
        var wanted = builder.Configuration.GetValue(Key, 64);
        if (wanted < 1) throw new InvalidOperationException($"{Key} must be at least 1; it is {wanted}");
        ThreadPool.GetMinThreads(out var workers, out var completions);
        if (wanted > workers || wanted > completions)
            ThreadPool.SetMinThreads(Math.Max(workers, wanted), Math.Max(completions, wanted));
        return builder;
    }
}

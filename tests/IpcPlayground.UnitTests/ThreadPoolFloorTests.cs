using IpcPlayground.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace IpcPlayground.UnitTests;

/// <summary>The server's thread-pool floor: raised to the configured minimum, and a nonsense value named at start.</summary>
public sealed class ThreadPoolFloorTests
{
    private static WebApplicationBuilder BuilderWith(string? minThreads)
    {
        var builder = WebApplication.CreateBuilder();
        if (minThreads is not null) builder.Configuration[ThreadPoolFloor.Key] = minThreads;
        return builder;
    }

    [Fact]
    public void The_pool_keeps_at_least_the_configured_threads_ready()
    {
        BuilderWith("48").AddThreadPoolFloor();
        ThreadPool.GetMinThreads(out var workers, out var completions);
        Assert.True(workers >= 48, $"min worker threads {workers}");
        Assert.True(completions >= 48, $"min completion threads {completions}");
    }

    [Fact]
    public void A_minimum_below_one_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BuilderWith("0").AddThreadPoolFloor());
        Assert.Contains("ThreadPool:MinThreads", error.Message, StringComparison.Ordinal);
    }
}

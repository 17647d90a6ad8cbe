using IpcPlayground.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpcPlayground.UnitTests;

/// <summary>Settings that cannot work together are refused at start, by name, instead of failing runs later.</summary>
public sealed class RunEngineOptionsTests
{
    private static RunsOptions RunsOptionsWith(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddRunEngine();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RunsOptions>>().Value;
    }

    [Fact]
    public void More_runs_at_once_than_host_uids_in_the_pool_is_refused_naming_both_settings()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => RunsOptionsWith(new() { ["Runs:MaxConcurrentRuns"] = "2000" }));
        Assert.Contains("Sandbox:HostUidPoolSize", refused.Message, StringComparison.Ordinal);

        Assert.Equal(2000, RunsOptionsWith(new() { ["Runs:MaxConcurrentRuns"] = "2000", ["Sandbox:HostUidPoolSize"] = "0" }).MaxConcurrentRuns);
        Assert.Equal(16, RunsOptionsWith([]).MaxConcurrentRuns);
    }

    [Fact]
    public void Room_predictions_need_host_uids_too()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => RunsOptionsWith(new() { ["Runs:MaxConcurrentRuns"] = "900" }));
        Assert.Contains("Runs:MaxRoomPredictionRuns", refused.Message, StringComparison.Ordinal);
        Assert.Equal(100, RunsOptionsWith(new() { ["Runs:MaxConcurrentRuns"] = "900", ["Runs:MaxRoomPredictionRuns"] = "100" }).MaxRoomPredictionRuns);
    }
}

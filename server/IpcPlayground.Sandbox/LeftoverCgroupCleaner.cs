using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Sandbox;

/// <summary>At server start, removes the empty cgroups of runs whose server was killed before it could.</summary>
public sealed class LeftoverCgroupCleaner(IOptions<SandboxOptions> options, ILogger<LeftoverCgroupCleaner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (RunCgroup.RemoveLeftovers(options.Value) is > 0 and var removed) SandboxLog.LeftoversRemoved(logger, removed);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Sandbox;

/// <summary>At server start, removes the empty cgroups of runs whose server was killed before it could.</summary>
public sealed class LeftoverCgroupCleaner(IOptions<SandboxOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RunCgroup.RemoveLeftovers(options.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.Diagnostics.Metrics;
using IpcPlayground.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpcPlayground.UnitTests;

/// <summary>Run metrics on a meter factory of their own, for the classes that count into them.</summary>
internal static class TestMetrics
{
    public static RunMetrics Create() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>(),
            new RunRegistry(Options.Create(new RunsOptions()), TimeProvider.System));
}

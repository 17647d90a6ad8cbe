using System.Runtime.CompilerServices;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IpcPlayground.Cli.Running;

/// <summary>Runs in a bubblewrap sandbox started by this process, with the server's engine and its configuration sections.</summary>
public sealed class LocalRunner : IEventSource
{
    public async IAsyncEnumerable<RunEvent> RunAsync(ExperimentFile experiment, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRunEngine();
        builder.Services.AddSingleton<IRunEventSink, NoLiveSink>();
        builder.Services.AddSingleton<IRunRecorder, NoRecorder>();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var coordinator = host.Services.GetRequiredService<RunCoordinator>();
            var (run, refusal) = coordinator.Start(experiment.Read.Experiment!, experiment.Bytes, "local", RunModes.Free, cancellationToken);
            if (run is null) throw new InvalidOperationException(refusal);
            await foreach (var e in run.Events.ReadAllAsync(cancellationToken)) yield return e;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Events are read from the run's log; nobody else listens.</summary>
    private sealed class NoLiveSink : IRunEventSink
    {
        public Task PublishAsync(Run run, RunEvent[] events, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A local run is printed, not kept.</summary>
    private sealed class NoRecorder : IRunRecorder
    {
        public Task RecordAsync(Run run, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<Run?> RestoreAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<Run?>(null);
    }
}

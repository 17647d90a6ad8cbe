using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Runs;
using IpcPlayground.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Fidelity.Oracle;

/// <summary>
/// The server's run engine (plan, bubblewrap sandbox, supervisor, workers, events) in this process, with the
/// server's configuration sections and defaults, for running many experiments one after another or side by side.
/// </summary>
public sealed class PlaygroundEngine : IAsyncDisposable
{
    private const string Client = "fidelity";
    private readonly IHost _host;
    private readonly RunCoordinator _coordinator;

    private PlaygroundEngine(IHost host)
    {
        _host = host;
        _coordinator = host.Services.GetRequiredService<RunCoordinator>();
        Sandbox = host.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;
    }

    /// <summary>The sandbox settings runs get, for running the C program in the same sandbox.</summary>
    public SandboxOptions Sandbox { get; }

    /// <summary>Starts the engine; <paramref name="parallelRuns"/> runs may go on at once.</summary>
    public static async Task<PlaygroundEngine> StartAsync(int parallelRuns, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Runs:MaxConcurrentRuns"] = $"{parallelRuns}",
            ["Runs:MaxConcurrentRunsPerClient"] = $"{parallelRuns}",
            // Many short runs: nobody reads a finished one again, so keep it only briefly.
            ["Runs:RetainMinutes"] = "1",
        });
        builder.Services.AddRunEngine();
        builder.Services.AddSingleton<IRunEventSink, NoLiveSink>();
        builder.Services.AddSingleton<IRunRecorder, NoRecorder>();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new PlaygroundEngine(host);
    }

    /// <summary>Runs the experiment to its end and returns every event, run-end last.</summary>
    public async Task<IReadOnlyList<RunEvent>> RunAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(experiment, ContractsJsonContext.Default.Experiment);
        var (run, refusal) = _coordinator.Start(experiment, json, Client, RunModes.Free, cancellationToken);
        if (run is null) throw new InvalidOperationException($"the engine refused the run: {refusal}");
        var events = new List<RunEvent>();
        await foreach (var e in run.Events.ReadAllAsync(cancellationToken)) events.Add(e);
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }

    private sealed class NoLiveSink : IRunEventSink
    {
        public Task PublishAsync(Run run, RunEvent[] events, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoRecorder : IRunRecorder
    {
        public Task RecordAsync(Run run, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<Run?> RestoreAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<Run?>(null);
    }
}

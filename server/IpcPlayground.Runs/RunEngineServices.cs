using IpcPlayground.Experiments;
using IpcPlayground.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.Runs;

public static class RunEngineServices
{
    /// <summary>
    /// Everything that runs experiments and measurements — size caps, sandbox, admission, coordinators — bound to the
    /// <c>Experiments</c>, <c>Sandbox</c>, <c>Runs</c> and <c>Measurements</c> configuration sections and validated at
    /// start. The host adds where events go (<see cref="IRunEventSink"/>) and where finished runs and measurements are
    /// kept (<see cref="IRunRecorder"/>, <see cref="Measurements.IMeasurementRecorder"/>).
    /// </summary>
    public static IServiceCollection AddRunEngine(this IServiceCollection services)
    {
        services.AddOptions<SizeCapsOptions>().BindConfiguration(SizeCapsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RunsOptions>().BindConfiguration(RunsOptions.Section).ValidateDataAnnotations()
            // Every run at once needs a host uid of its own; past the pool, runs would fail for want of one.
            .Validate<Microsoft.Extensions.Options.IOptions<SandboxOptions>>(
                (runs, sandbox) => sandbox.Value.HostUidPoolSize == 0 || runs.MaxConcurrentRuns + runs.MaxRoomPredictionRuns <= sandbox.Value.HostUidPoolSize,
                "Runs:MaxConcurrentRuns and Runs:MaxRoomPredictionRuns together are larger than Sandbox:HostUidPoolSize: each run at once needs a host uid of its own (raise the pool, or set it to 0 to share one uid)")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISandbox, BubblewrapSandbox>();
        services.AddHostedService<LeftoverCgroupCleaner>();
        services.AddSingleton<BackgroundWork>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundWork>());
        services.AddSingleton<RunRegistry>();
        services.AddMetrics();
        services.AddSingleton<RunMetrics>();
        services.AddSingleton<RunAdmission>();
        services.AddSingleton<RunCoordinator>();
        services.AddSingleton<RunPublisher>();
        services.AddOptions<Measurements.MeasurementsOptions>().BindConfiguration(Measurements.MeasurementsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Measurements.MeasurementRegistry>();
        services.AddSingleton<Measurements.MeasurementCoordinator>();
        return services;
    }
}

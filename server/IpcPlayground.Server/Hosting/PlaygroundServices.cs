using OpenTelemetry.Metrics;
using IpcPlayground.Server.Application;
using IpcPlayground.Server.Storage;
using IpcPlayground.Server.Access;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Runs;
using IpcPlayground.Server.Hubs;
using IpcPlayground.Storage;
using Microsoft.AspNetCore.SignalR;

namespace IpcPlayground.Server.Hosting;

/// <summary>The server's building blocks, one call per area, so Program.cs reads as a table of contents.</summary>
public static class PlaygroundServices
{
    /// <summary>Contract JSON (source-generated, strict) for HTTP and SignalR alike, and problem details for errors.</summary>
    public static WebApplicationBuilder AddPlaygroundJson(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default));
        builder.Services.AddSingleton<RemovedParticipants>();
        builder.Services.AddSignalR(o =>
            {
                o.AddFilter<RejectedHubCalls>();
                o.AddFilter<RemovedParticipants>();
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default));
        return builder;
    }

    public static WebApplicationBuilder AddPlaygroundRuns(this WebApplicationBuilder builder)
    {
        builder.Services.AddRunEngine();
        builder.Services.AddSingleton<IRunEventSink, HubRunEventSink>();
        builder.Services.AddSingleton<RunStarter>();
        builder.Services.AddSingleton<StorageQuotas>();
        return builder;
    }

    /// <summary>
    /// Shared experiments, recorded runs and measurements (the database: SQLite by default, PostgreSQL by
    /// configuration), the recorders of finished runs and measurements and the lookups of both.
    /// </summary>
    public static WebApplicationBuilder AddPlaygroundStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddPlaygroundDatabase();
        builder.Services.AddRequestQuotas();
        builder.Services.AddSingleton<IRunRecorder, StoredRunRecorder>();
        builder.Services.AddSingleton<RunFinder>();
        builder.Services.AddSingleton<Runs.Measurements.IMeasurementRecorder, StoredMeasurementRecorder>();
        builder.Services.AddSingleton<MeasurementFinder>();
        return builder;
    }

    public static WebApplicationBuilder AddPlaygroundHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<SandboxHealthCheck>("sandbox");
        return builder;
    }

    /// <summary>
    /// Metrics in the Prometheus text format at <c>/metrics</c>: the run engine's (<see cref="RunMetrics"/>), ASP.NET
    /// Core's requests and SignalR connections, and the .NET runtime's (memory, GC, thread pool).
    /// </summary>
    public static WebApplicationBuilder AddPlaygroundMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(RunMetrics.MeterName, "Microsoft.AspNetCore.SignalR", "Microsoft.AspNetCore.Http.Connections")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }
}

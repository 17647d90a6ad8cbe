using IpcPlayground.Contracts.Json;
using IpcPlayground.Experiments;
using IpcPlayground.Runs;
using IpcPlayground.Sandbox;
using IpcPlayground.Server.Hubs;

namespace IpcPlayground.Server.Hosting;

/// <summary>The server's building blocks, one call per area, so Program.cs reads as a table of contents.</summary>
public static class PlaygroundServices
{
    /// <summary>Contract JSON (source-generated, strict) for HTTP and SignalR alike, and problem details for errors.</summary>
    public static WebApplicationBuilder AddPlaygroundJson(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default));
        builder.Services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default));
        return builder;
    }

    public static WebApplicationBuilder AddPlaygroundRuns(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SizeCapsOptions>().BindConfiguration(SizeCapsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RunsOptions>().BindConfiguration(RunsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ISandbox, BubblewrapSandbox>();
        builder.Services.AddHostedService<LeftoverCgroupCleaner>();
        builder.Services.AddSingleton<RunRegistry>();
        builder.Services.AddSingleton<RunAdmission>();
        builder.Services.AddSingleton<RunCoordinator>();
        builder.Services.AddSingleton<IRunEventSink, HubRunEventSink>();
        return builder;
    }

    public static WebApplicationBuilder AddPlaygroundHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<SandboxHealthCheck>("sandbox");
        return builder;
    }
}

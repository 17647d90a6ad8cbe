using IpcPlayground.Server.Apis;
using IpcPlayground.Server.Access;
using System.Threading.RateLimiting;
using IpcPlayground.Contracts.Workshops;
using Microsoft.AspNetCore.Authentication;

namespace IpcPlayground.Server.Workshops;

public static class WorkshopServices
{
    /// <summary>
    /// Workshops: key authentication (anonymous stays allowed elsewhere), one policy per role, rate limits on creating
    /// and joining, run quotas, the board's run tracker, and room predictions' runs, answers and tallies. Options from the <c>Workshops</c> section.
    /// </summary>
    public static WebApplicationBuilder AddPlaygroundWorkshops(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WorkshopOptions>().BindConfiguration(WorkshopOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(WorkshopKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, WorkshopKeyAuthentication>(WorkshopKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(WorkshopRoles.Instructor, p => p.RequireRole(WorkshopRoles.Instructor))
            .AddPolicy(WorkshopRoles.Participant, p => p.RequireRole(WorkshopRoles.Participant));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(WorkshopsApi.CreatePolicy, context => RateLimitPartition.GetFixedWindowLimiter(ClientOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) }));
            // A whole room may join from behind one address (a school's NAT) within a minute.
            o.AddPolicy(WorkshopsApi.JoinPolicy, context => RateLimitPartition.GetFixedWindowLimiter(ClientOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 1000, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddSingleton<WorkshopRoom>();
        services.AddSingleton<JoinGate>();
        services.AddSingleton<ParticipantEviction>();
        services.AddSingleton<WorkshopRunQuotas>();
        services.AddSingleton<WorkshopRunTracker>();
        services.AddSingleton<RunAccess>();
        services.AddSingleton<SpotlightViewers>();
        services.AddSingleton<RoomPredictionRuns>();
        services.AddSingleton<RoomPredictionRecorder>();
        services.AddSingleton<PredictionTallies>();
        services.AddSingleton<RoomQuestions>();
        return builder;
    }

    private static string ClientOf(HttpContext context) => ClientAddress.Of(context);
}

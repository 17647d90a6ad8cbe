using IpcPlayground.Server.Access;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Server.Apis;
using IpcPlayground.Server.Hosting;
using IpcPlayground.Server.Hubs;
using IpcPlayground.Server.ScaleOut;
using IpcPlayground.Server.Workshops;

var builder = WebApplication.CreateBuilder(args);
builder.AddThreadPoolFloor();
builder.AddPlaygroundJson();
builder.AddPlaygroundRuns();
builder.AddPlaygroundStorage();
builder.AddPlaygroundWorkshops();
builder.AddPlaygroundScaleOut();
builder.AddPlaygroundHealth();
builder.AddPlaygroundMetrics();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapHealthChecks("/health");
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapOpenApi();
app.MapRunsApi();
app.MapMeasurementsApi();
app.MapExperimentsApi();
app.MapExportsApi();
app.MapWorkshopsApi();
app.MapHub<RunHub>(IRunHub.Path);
app.MapHub<WorkshopHub>(IWorkshopHub.Path);
app.MapStaticAssets();
app.MapFallbackToFile("index.html");
app.Run();

/// <summary>The entry point, public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;

using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Server.Apis;
using IpcPlayground.Server.Hosting;
using IpcPlayground.Server.Hubs;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlaygroundJson();
builder.AddPlaygroundRuns();
builder.AddPlaygroundStorage();
builder.AddPlaygroundHealth();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealthChecks("/health");
app.MapOpenApi();
app.MapRunsApi();
app.MapExperimentsApi();
app.MapExportsApi();
app.MapHub<RunHub>(IRunHub.Path);
app.MapStaticAssets();
app.MapFallbackToFile("index.html");
app.Run();

/// <summary>The entry point, public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;

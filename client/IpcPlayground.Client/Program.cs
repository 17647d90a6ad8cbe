using IpcPlayground.Client;
using IpcPlayground.Client.Localization;
using IpcPlayground.Client.Services;
using IpcPlayground.Client.Services.Workshops;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.Extensions.DependencyInjection;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<HubAssemblies>();
builder.Services.AddScoped<IpcPlayground.Client.Services.Measure.MeasurementsClient>();
builder.Services.AddScoped<RunsClient>();
builder.Services.AddScoped<WorkshopsClient>();
builder.Services.AddScoped<RememberedParticipants>();
builder.Services.AddSingleton<UiPreferences>();
builder.Services.AddScoped<KeyboardShortcuts>();
var host = builder.Build();
// The remembered language and theme are read before the first render, so the page is drawn once, in its language.
await host.Services.GetRequiredService<UiPreferences>().LoadAsync();
await host.RunAsync();

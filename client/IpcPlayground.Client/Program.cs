using IpcPlayground.Client;
using IpcPlayground.Client.Localization;
using IpcPlayground.Client.Services;
using IpcPlayground.Client.Services.Workshops;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<RunsClient>();
builder.Services.AddScoped<WorkshopsClient>();
builder.Services.AddScoped<RememberedParticipants>();
builder.Services.AddScoped<UiPreferences>();
builder.Services.AddScoped<KeyboardShortcuts>();
await builder.Build().RunAsync();

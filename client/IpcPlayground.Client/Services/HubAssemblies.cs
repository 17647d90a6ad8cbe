using Microsoft.AspNetCore.Components.WebAssembly.Services;

namespace IpcPlayground.Client.Services;

/// <summary>
/// The SignalR client and what only it uses are not part of the page's first load (BlazorWebAssemblyLazyLoad in the
/// project file): they are fetched on the first connection to a hub — the first Run, or opening a workshop page
/// (App.razor) — so a visitor who reads a lesson downloads and starts less. Code that names a SignalR type lives in
/// methods that run only after <see cref="EnsureLoadedAsync"/> (RunHubConnection, WorkshopHubConnection).
/// System.IO.Pipelines stays in the first load: System.Text.Json's generic types name its PipeWriter.
/// </summary>
public sealed class HubAssemblies(LazyAssemblyLoader loader)
{
    /// <summary>The lazily loaded files; the project file's BlazorWebAssemblyLazyLoad list (a test keeps them equal).</summary>
    public static readonly IReadOnlyList<string> Files =
    [
        "Microsoft.AspNetCore.SignalR.Client.wasm",
        "Microsoft.AspNetCore.SignalR.Client.Core.wasm",
        "Microsoft.AspNetCore.SignalR.Common.wasm",
        "Microsoft.AspNetCore.SignalR.Protocols.Json.wasm",
        "Microsoft.AspNetCore.Http.Connections.Client.wasm",
        "Microsoft.AspNetCore.Http.Connections.Common.wasm",
        "Microsoft.AspNetCore.Connections.Abstractions.wasm",
        "Microsoft.Extensions.Features.wasm",
        "System.Threading.Channels.wasm",
        "System.Net.ServerSentEvents.wasm",
        "System.Net.WebSockets.wasm",
        "System.Net.WebSockets.Client.wasm",
    ];

    private Task? _loading;

    public Task EnsureLoadedAsync() => _loading ??= LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            await loader.LoadAssembliesAsync(Files);
        }
        catch
        {
            _loading = null; // a network error: the next connection tries again
            throw;
        }
    }
}

using Microsoft.AspNetCore.Components.WebAssembly.Services;

namespace IpcPlayground.Client.Services;

/// <summary>Assemblies left out of the first load (BlazorWebAssemblyLazyLoad), fetched once when first needed.</summary>
public abstract class LazyAssemblies(LazyAssemblyLoader loader, IReadOnlyList<string> files)
{
    private Task? _loading;

    public Task EnsureLoadedAsync() => _loading ??= LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            await loader.LoadAssembliesAsync(files);
        }
        catch
        {
            _loading = null; // a network error: the next use tries again
            throw;
        }
    }
}

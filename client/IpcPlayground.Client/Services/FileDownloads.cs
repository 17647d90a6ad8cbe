using Microsoft.JSInterop;

namespace IpcPlayground.Client.Services;

/// <summary>Offers text the page fetched as a file download (js/downloads.js, imported on first use).</summary>
public sealed class FileDownloads(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    public async Task SaveTextAsync(string fileName, string mediaType, string text)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/downloads.js");
        await _module.InvokeVoidAsync("saveText", fileName, mediaType, text);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }
}

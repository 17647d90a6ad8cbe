using Microsoft.JSInterop;

namespace IpcPlayground.Client.Services.Workshops;

/// <summary>
/// Who this browser joined a workshop as, remembered in localStorage by join code, so a reload or a lost connection
/// rejoins as the same participant instead of a new one.
/// </summary>
public sealed class RememberedParticipants(IJSRuntime js)
{
    public sealed record Participant(string WorkshopId, string Key, string Name);

    private static string StorageKey(string code) => "ipcplay.workshop." + code.ToUpperInvariant();

    public async Task<Participant?> FindAsync(string code)
    {
        try
        {
            var text = await js.InvokeAsync<string?>("localStorage.getItem", StorageKey(code));
            return text?.Split('\n', 3) is [var workshopId, var key, var name] ? new Participant(workshopId, key, name) : null;
        }
        catch (JSException)
        {
            return null;
        }
    }

    public async Task RememberAsync(string code, Participant participant)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.setItem", StorageKey(code), $"{participant.WorkshopId}\n{participant.Key}\n{participant.Name}");
        }
        catch (JSException)
        {
            // Storage refused (private mode): this tab still works, a reload joins anew.
        }
    }

    public async Task ForgetAsync(string code)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.removeItem", StorageKey(code));
        }
        catch (JSException)
        {
        }
    }
}

using Microsoft.JSInterop;

namespace IpcPlayground.Client.Localization;

/// <summary>
/// The person's language and theme, remembered in localStorage. The theme is applied as <c>data-theme</c> on the
/// html element; with none chosen, CSS follows <c>prefers-color-scheme</c>.
/// </summary>
public sealed class UiPreferences(IJSRuntime js)
{
    public const string LanguageKey = "ipcplay.language";
    public const string ThemeKey = "ipcplay.theme";

    public UiText Text { get; private set; } = UiText.English;

    /// <summary>"light", "dark", or null when the page follows the system.</summary>
    public string? Theme { get; private set; }

    public event Action? Changed;

    /// <summary>
    /// Reads the remembered choices; called once before the first render. js/preferences.js has already put them on
    /// the html element. In the browser the reads are synchronous imports: the page's start waits for no round trip and
    /// serialises nothing.
    /// </summary>
    public async Task LoadAsync()
    {
        try
        {
            string? language, theme;
            if (OperatingSystem.IsBrowser())
            {
                language = SavedPreferences.Get(LanguageKey);
                theme = SavedPreferences.Get(ThemeKey);
            }
            else
            {
                language = await js.InvokeAsync<string?>("localStorage.getItem", LanguageKey);
                theme = await js.InvokeAsync<string?>("localStorage.getItem", ThemeKey);
            }
            Text = UiText.For(language);
            Theme = theme is "light" or "dark" ? theme : null;
        }
        catch (JSException)
        {
            // Storage refused (private mode): keep the defaults.
        }
        Changed?.Invoke();
    }

    public async Task SetLanguageAsync(string language)
    {
        Text = UiText.For(language);
        Changed?.Invoke();
        await js.InvokeVoidAsync("localStorage.setItem", LanguageKey, Text.Language);
        await ApplyAsync();
    }

    /// <summary>Switches to the other theme; the effective one starts from the system's when none was chosen.</summary>
    public async Task ToggleThemeAsync(bool systemPrefersDark)
    {
        var current = Theme ?? (systemPrefersDark ? "dark" : "light");
        Theme = current == "dark" ? "light" : "dark";
        Changed?.Invoke();
        await js.InvokeVoidAsync("localStorage.setItem", ThemeKey, Theme);
        await ApplyAsync();
    }

    public async Task<bool> SystemPrefersDarkAsync()
    {
        try
        {
            return await js.InvokeAsync<bool>("ipcplay.prefersDark");
        }
        catch (JSException)
        {
            return false;
        }
    }

    private async Task ApplyAsync()
    {
        await js.InvokeVoidAsync("document.documentElement.setAttribute", "lang", Text.Language);
        if (Theme is not null) await js.InvokeVoidAsync("document.documentElement.setAttribute", "data-theme", Theme);
    }
}

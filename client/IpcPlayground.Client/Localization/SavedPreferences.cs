using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;

namespace IpcPlayground.Client.Localization;

/// <summary>
/// localStorage read through a generated JavaScript import (js/preferences.js): no JSON on the way, so reading the
/// preferences before the first render costs the page's start next to nothing.
/// </summary>
[SupportedOSPlatform("browser")]
internal static partial class SavedPreferences
{
    [JSImport("globalThis.ipcplay.saved")]
    public static partial string? Get(string key);
}

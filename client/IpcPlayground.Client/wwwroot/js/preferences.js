// Apply the remembered theme and language before the app loads, so the page does not flash. A file, not an inline
// script: the page's Content-Security-Policy allows scripts from this origin only.
window.ipcplay = {
    prefersDark: () => matchMedia("(prefers-color-scheme: dark)").matches,
    // What UiPreferences reads before the app's first render (SavedPreferences.cs); null when storage is refused.
    saved: key => { try { return localStorage.getItem(key); } catch { return null; } },
};
try {
    const theme = localStorage.getItem("ipcplay.theme");
    if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
    if ((localStorage.getItem("ipcplay.language") || "").startsWith("zh")) document.documentElement.setAttribute("lang", "zh-Hans");
} catch { }
// The static shell in index.html draws the playground only where the playground opens.
if (/^\/(e\/[^/]+)?$/.test(location.pathname)) document.documentElement.setAttribute("data-shell", "playground");

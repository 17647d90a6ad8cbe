// The page's keyboard shortcuts, heard on the document itself: they work with nothing focused, after a click on
// empty space, after the language changed. Only keys with Ctrl, Meta or Alt go to .NET, which decides what they mean
// (KeyboardShortcuts.CommandOf); undo and redo are left to a text field that has the focus, which has its own.
window.ipcplay = window.ipcplay || {};
window.ipcplay.listenForShortcuts = (page) => {
    document.addEventListener("keydown", (e) => {
        if (!e.ctrlKey && !e.metaKey && !e.altKey) return;
        const t = e.target;
        const editable = !!t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
        page.invokeMethodAsync("OnKey", e.key, e.code, e.ctrlKey, e.metaKey, e.altKey, e.shiftKey, editable);
    });
};

// Resolves when the page's main thread is idle (or after 2 s at the latest): work that can wait for it does.
window.ipcplay.whenIdle = () => new Promise(resolve =>
    "requestIdleCallback" in window ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 200));

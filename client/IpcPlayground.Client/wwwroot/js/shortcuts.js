// The page's keyboard shortcuts, heard on the document itself: they work with nothing focused, after a click on
// empty space, after the language changed. Only keys with Ctrl, Meta or Alt go to .NET, which decides what they mean
// (KeyboardShortcuts.CommandOf); undo and redo are left to a text field that has the focus, which has its own. A
// plain digit 1-9 (predict mode's choices) goes too, unless a text field has the focus: there it is typed.
window.ipcplay = window.ipcplay || {};
window.ipcplay.listenForShortcuts = (page) => {
    document.addEventListener("keydown", (e) => {
        const t = e.target;
        // Where keys are typed: a checkbox or a button with the focus types nothing, so a digit there still answers.
        const editable = !!t && (t.isContentEditable || ["TEXTAREA", "SELECT"].includes(t.tagName)
            || (t.tagName === "INPUT" && !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(t.type)));
        const digit = !e.ctrlKey && !e.metaKey && !e.altKey && !e.repeat && /^[1-9]$/.test(e.key);
        if (!e.ctrlKey && !e.metaKey && !e.altKey && !(digit && !editable)) return;
        page.invokeMethodAsync("OnKey", e.key, e.code, e.ctrlKey, e.metaKey, e.altKey, e.shiftKey, editable);
    });
};

// Resolves when the page's main thread is idle (or after 2 s at the latest): work that can wait for it does.
window.ipcplay.whenIdle = () => new Promise(resolve =>
    "requestIdleCallback" in window ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 200));

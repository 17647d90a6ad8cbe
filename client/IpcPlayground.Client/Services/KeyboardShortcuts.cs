using Microsoft.AspNetCore.Components.Web;

namespace IpcPlayground.Client.Services;

/// <summary>
/// The page's shortcuts, heard on the whole document (js/shortcuts.js): Ctrl+Enter runs, Alt+L opens the lessons,
/// Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo the composer's last edit — unless a text field has the focus,
/// whose own undo then works.
/// </summary>
public sealed class KeyboardShortcuts
{
    public const string Run = "run";
    public const string Lessons = "lessons";
    public const string Undo = "undo";
    public const string Redo = "redo";

    /// <summary>Raised with <see cref="Run"/> or <see cref="Lessons"/>; the page that can act on it subscribes.</summary>
    public event Func<string, Task>? Pressed;

    /// <param name="inTextField">Whether a text field has the focus: its own undo and redo win there.</param>
    public static string? CommandOf(KeyboardEventArgs e, bool inTextField = false) => e switch
    {
        { Key: "Enter", CtrlKey: true } or { Key: "Enter", MetaKey: true } => Run,
        { AltKey: true, Code: "KeyL" } or { AltKey: true, Key: "l" or "L" } => Lessons,
        _ when inTextField => null,
        { CtrlKey: true, ShiftKey: true, Code: "KeyZ" } or { MetaKey: true, ShiftKey: true, Code: "KeyZ" } or { CtrlKey: true, Code: "KeyY" } => Redo,
        { CtrlKey: true, Code: "KeyZ" } or { MetaKey: true, Code: "KeyZ" } => Undo,
        _ => null,
    };

    public async Task HandleAsync(KeyboardEventArgs e, bool inTextField = false)
    {
        if (CommandOf(e, inTextField) is { } command && Pressed is { } pressed) await pressed(command);
    }
}

using Microsoft.AspNetCore.Components.Web;

namespace IpcPlayground.Client.Services;

/// <summary>The page's shortcuts, caught anywhere in the layout: Ctrl+Enter runs, Alt+L opens the lessons.</summary>
public sealed class KeyboardShortcuts
{
    public const string Run = "run";
    public const string Lessons = "lessons";

    /// <summary>Raised with <see cref="Run"/> or <see cref="Lessons"/>; the page that can act on it subscribes.</summary>
    public event Func<string, Task>? Pressed;

    public static string? CommandOf(KeyboardEventArgs e) => e switch
    {
        { Key: "Enter", CtrlKey: true } or { Key: "Enter", MetaKey: true } => Run,
        { AltKey: true, Code: "KeyL" } or { AltKey: true, Key: "l" or "L" } => Lessons,
        _ => null,
    };

    public async Task HandleAsync(KeyboardEventArgs e)
    {
        if (CommandOf(e) is { } command && Pressed is { } pressed) await pressed(command);
    }
}

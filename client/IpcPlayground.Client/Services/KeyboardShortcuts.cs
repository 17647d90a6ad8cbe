using Microsoft.AspNetCore.Components.Web;

namespace IpcPlayground.Client.Services;

/// <summary>
/// The page's shortcuts, heard on the whole document (js/shortcuts.js): Ctrl+Enter runs, Alt+L opens the lessons,
/// Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo the composer's last edit — unless a text field has the focus,
/// whose own undo then works. In predict mode the digits 1–9 pick a choice of the open question, unless a text
/// field has the focus (the digit is then typed).
/// </summary>
public sealed class KeyboardShortcuts
{
    public const string Run = "run";
    public const string Lessons = "lessons";
    public const string Undo = "undo";
    public const string Redo = "redo";

    private const string ChoicePrefix = "choice-";

    /// <summary>The command of digit <paramref name="number"/> (1–9): pick that choice of the open question.</summary>
    public static string Choice(int number) => ChoicePrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Which choice a command picks, from 1; null for a command that is not a choice.</summary>
    public static int? ChoiceOf(string command) =>
        command.StartsWith(ChoicePrefix, StringComparison.Ordinal) && int.TryParse(command.AsSpan(ChoicePrefix.Length), out var number) ? number : null;

    /// <summary>Raised with a command; whatever on the page can act on it subscribes (each subscriber hears every command).</summary>
    public event Func<string, Task>? Pressed;

    /// <param name="inTextField">Whether a text field has the focus: its own undo and redo win there.</param>
    public static string? CommandOf(KeyboardEventArgs e, bool inTextField = false) => e switch
    {
        { Key: "Enter", CtrlKey: true } or { Key: "Enter", MetaKey: true } => Run,
        { AltKey: true, Code: "KeyL" } or { AltKey: true, Key: "l" or "L" } => Lessons,
        _ when inTextField => null,
        { CtrlKey: true, ShiftKey: true, Code: "KeyZ" } or { MetaKey: true, ShiftKey: true, Code: "KeyZ" } or { CtrlKey: true, Code: "KeyY" } => Redo,
        { CtrlKey: true, Code: "KeyZ" } or { MetaKey: true, Code: "KeyZ" } => Undo,
        { CtrlKey: false, MetaKey: false, AltKey: false, Key: [>= '1' and <= '9'] digit } => Choice(digit[0] - '0'),
        _ => null,
    };

    public async Task HandleAsync(KeyboardEventArgs e, bool inTextField = false)
    {
        if (CommandOf(e, inTextField) is not { } command || Pressed is not { } pressed) return;
        // A multicast Func awaits only its last target's task: each subscriber is awaited in turn.
        foreach (var listener in pressed.GetInvocationList().Cast<Func<string, Task>>()) await listener(command);
    }
}

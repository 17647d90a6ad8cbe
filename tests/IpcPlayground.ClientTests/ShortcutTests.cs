using IpcPlayground.Client.Services;
using Microsoft.AspNetCore.Components.Web;

namespace IpcPlayground.ClientTests;

/// <summary>The page's keyboard shortcuts.</summary>
public sealed class ShortcutTests
{
    [Fact]
    public void Ctrl_Enter_runs_and_Alt_L_opens_the_lessons_and_plain_keys_do_nothing()
    {
        Assert.Equal(KeyboardShortcuts.Run, KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "Enter", CtrlKey = true }));
        Assert.Equal(KeyboardShortcuts.Lessons, KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "l", Code = "KeyL", AltKey = true }));
        Assert.Null(KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "Enter" }));
        Assert.Null(KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "l", Code = "KeyL" }));
    }

    [Fact]
    public async Task A_shortcut_reaches_the_page_that_listens()
    {
        var shortcuts = new KeyboardShortcuts();
        var heard = new List<string>();
        shortcuts.Pressed += c => { heard.Add(c); return Task.CompletedTask; };
        await shortcuts.HandleAsync(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });
        await shortcuts.HandleAsync(new KeyboardEventArgs { Key = "x" });
        Assert.Equal([KeyboardShortcuts.Run], heard);
    }

    [Fact]
    public void Ctrl_Z_undoes_and_Ctrl_Shift_Z_or_Ctrl_Y_redoes_unless_a_text_field_has_the_focus()
    {
        Assert.Equal(KeyboardShortcuts.Undo, KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "z", Code = "KeyZ", CtrlKey = true }));
        Assert.Equal(KeyboardShortcuts.Redo, KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "Z", Code = "KeyZ", CtrlKey = true, ShiftKey = true }));
        Assert.Equal(KeyboardShortcuts.Redo, KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "y", Code = "KeyY", CtrlKey = true }));
        Assert.Null(KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "z", Code = "KeyZ", CtrlKey = true }, inTextField: true));
        // Running still works from the JSON editor.
        Assert.Equal(KeyboardShortcuts.Run, KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "Enter", CtrlKey = true }, inTextField: true));
    }
}

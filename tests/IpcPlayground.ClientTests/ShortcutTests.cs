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

    [Fact]
    public void A_plain_digit_picks_that_choice_unless_typed_into_a_text_field_or_pressed_with_a_modifier()
    {
        Assert.Equal(KeyboardShortcuts.Choice(3), KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "3", Code = "Digit3" }));
        Assert.Equal(3, KeyboardShortcuts.ChoiceOf(KeyboardShortcuts.Choice(3)));
        Assert.Equal(9, KeyboardShortcuts.ChoiceOf(KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "9" })!));
        Assert.Null(KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "3" }, inTextField: true));
        Assert.Null(KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "3", CtrlKey = true }));
        Assert.Null(KeyboardShortcuts.CommandOf(new KeyboardEventArgs { Key = "0" }));
        Assert.Null(KeyboardShortcuts.ChoiceOf(KeyboardShortcuts.Run));
    }

    [Fact]
    public async Task Every_listener_hears_a_shortcut()
    {
        var shortcuts = new KeyboardShortcuts();
        var heard = new List<string>();
        shortcuts.Pressed += async c => { await Task.Yield(); heard.Add("page " + c); };
        shortcuts.Pressed += c => { heard.Add("panel " + c); return Task.CompletedTask; };
        await shortcuts.HandleAsync(new KeyboardEventArgs { Key = "2" });
        Assert.Equal(["page choice-2", "panel choice-2"], heard);
    }
}

using Bunit;
using IpcPlayground.Client.Components.Gallery;
using IpcPlayground.Client.Layout;
using IpcPlayground.Client.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.ClientTests;

/// <summary>The page switches between English and Simplified Chinese and remembers the choice.</summary>
public sealed class LanguageTests : BunitContext
{
    public LanguageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<UiPreferences>();
        Services.AddScoped<IpcPlayground.Client.Services.KeyboardShortcuts>();
        Services.AddSingleton(new IpcPlayground.Client.Services.HubAssemblies(new Microsoft.AspNetCore.Components.WebAssembly.Services.LazyAssemblyLoader(JSInterop.JSRuntime)));
    }

    private IRenderedComponent<MainLayout> RenderPage() =>
        Render<MainLayout>(p => p.Add(c => c.Body, b =>
        {
            b.OpenComponent<LessonGallery>(0);
            b.AddComponentParameter(1, nameof(LessonGallery.OnOpen), Microsoft.AspNetCore.Components.EventCallback.Factory.Create<IpcPlayground.Contracts.Lessons.Lesson>(this, _ => { }));
            b.CloseComponent();
        }));

    [Fact]
    public void Switching_to_chinese_translates_the_page_and_remembers_it()
    {
        var cut = RenderPage();
        Assert.Equal("Real processes, real system calls, watched live.", cut.Find(".tagline").TextContent);

        cut.Find("[data-testid=language-switch]").Change("zh-Hans");

        Assert.Equal("真实的进程，真实的系统调用，实时观看。", cut.Find(".tagline").TextContent);
        Assert.Contains(cut.FindAll("[data-testid=gallery-item] strong"), s => s.TextContent == "满管道会阻塞写者");
        var saved = JSInterop.VerifyInvoke("localStorage.setItem");
        Assert.Equal([UiPreferences.LanguageKey, "zh-Hans"], saved.Arguments);
    }

    [Fact]
    public async Task A_remembered_language_is_used_on_the_next_visit()
    {
        JSInterop.Setup<string?>("localStorage.getItem", UiPreferences.LanguageKey).SetResult("zh-Hans");
        // Program.cs reads the preferences before the first render.
        await Services.GetRequiredService<UiPreferences>().LoadAsync();
        var cut = RenderPage();
        Assert.Equal("zh-Hans", cut.Find("[data-testid=language-switch]").GetAttribute("value"));
        Assert.Equal("语言", cut.Find("label[for=language-switch]").TextContent);
    }

    [Fact]
    public void The_theme_toggle_remembers_dark()
    {
        var cut = RenderPage();
        cut.Find("[data-testid=theme-toggle]").Click();
        Assert.Equal("dark", cut.Find("[data-testid=theme-toggle]").GetAttribute("data-theme"));
        Assert.Contains(JSInterop.Invocations["localStorage.setItem"], i => i.Arguments.SequenceEqual([UiPreferences.ThemeKey, "dark"]));
    }

    [Fact]
    public void Every_text_has_both_languages()
    {
        foreach (var property in typeof(UiText).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(UiText.Chinese)), property.Name);
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(UiText.English)), property.Name);
        }
    }
}

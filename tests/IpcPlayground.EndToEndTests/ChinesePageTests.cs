using System.Text.Json;
using System.Text.RegularExpressions;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Lessons;
using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>
/// The main pages in 简体中文 after a run: every Latin word a student can see is a name the kernel or the experiment
/// gives (a call, an errno, a signal, a wait channel, an object's or process's id, a JSON field name shown beside its
/// translation), never an English UI word.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ChinesePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_playground_replay_and_workshop_pages_in_chinese_show_no_english_ui_word()
    {
        var page = await fixture.NewPageAsync();
        await PlaygroundPage.OpenAsync(page);
        await page.GetByTestId("language-switch").SelectOptionAsync("zh-Hans");
        await PlaygroundPage.OpenLessonFromGalleryAsync(page, "System V", "sysv-queue-selective-receive");
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(page.GetByTestId("event-row").First).ToBeVisibleAsync();
        var lesson = LessonLibrary.Get("sysv-queue-selective-receive");
        AssertNoEnglish("the playground after a run", await VisibleLatinWordsAsync(page), lesson.ExperimentJson, lesson.Explanation.Zh);
        await page.GetByTestId("event-list").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "chinese-event-list");

        var replayLink = await page.GetByTestId("replay-link").GetAttributeAsync("href");
        await page.GotoAsync(replayLink!);
        await Assertions.Expect(page.GetByTestId("replay-position")).ToContainTextAsync("/");
        AssertNoEnglish("the replay page", await VisibleLatinWordsAsync(page), lesson.ExperimentJson, lesson.Explanation.Zh);

        await page.GotoAsync("/workshops/new");
        await Assertions.Expect(page.GetByTestId("workshop-create")).ToBeVisibleAsync();
        AssertNoEnglish("the new-workshop page", await VisibleLatinWordsAsync(page), "{}", string.Join(" ", LessonLibrary.All.Select(l => l.Title.Zh)));
        await page.Context.CloseAsync();
    }

    /// <summary>The Latin words in rendered text, leaving out what a person typed (inputs, the JSON editor) and code.</summary>
    private static async Task<string[]> VisibleLatinWordsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const words = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest('textarea, script, style, option:not(:checked), [hidden], #blazor-error-ui, [translate=no]')) continue;
                // An SVG <title> is the tooltip of what it is in: read like the title attribute.
                if (parent.tagName !== 'title' && !parent.checkVisibility()) continue;
                for (const m of node.textContent.matchAll(/[A-Za-z][A-Za-z_-]*[A-Za-z]/g)) words.push(m[0] + '@' + (parent.closest('[data-testid]')?.getAttribute('data-testid') ?? parent.tagName));
              }
              for (const el of document.querySelectorAll('[title], [aria-label]'))
                for (const attr of ['title', 'aria-label'])
                  for (const m of (el.getAttribute(attr) ?? '').matchAll(/[A-Za-z][A-Za-z_-]*[A-Za-z]/g)) words.push(m[0] + '@' + attr);
              return words;
            }
            """);

    private static void AssertNoEnglish(string where, IEnumerable<string> words, string experimentJson, string chineseLessonText)
    {
        var allowed = KernelAndContractNames(experimentJson);
        // A lesson's Chinese text names calls and constants as the kernel spells them (msgrcv, IPC_NOWAIT).
        foreach (Match m in IdentifierPattern().Matches(chineseLessonText)) allowed.Add(m.Value);
        var left = words.Where(w => !allowed.Contains(w.Split('@')[0]) && !KernelIdentifier(w.Split('@')[0])).Distinct().Order().ToList();
        Assert.True(left.Count == 0, $"English left on {where}: {string.Join(", ", left)}");
    }

    /// <summary>A constant (IPC_PRIVATE, EAGAIN, SIGCHLD) or a kernel function (do_wait, pipe_read): never an English UI word.</summary>
    private static bool KernelIdentifier(string word) => word.Contains('_') || word.All(c => char.IsAsciiLetterUpper(c) || c == '_');

    /// <summary>Names that stay as the kernel, the contract or the experiment spells them, in either language.</summary>
    private static HashSet<string> KernelAndContractNames(string experimentJson)
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            "IPC", "Playground", "JSON", "Ctrl", "Enter", "Shift", "Alt", "Perfetto", "NDJSON", "CSV", "bubblewrap", "ms",
            "ui", "perfetto", "dev", // the trace viewer's address, ui.perfetto.dev
            "running", "sleeping", "disk-sleep", "stopped", "zombie", "idle", // /proc/PID/stat's states
        };
        names.UnionWith(ObjectTypes.All.SelectMany(t => t.Split('-')).Concat(ObjectTypes.All));
        names.UnionWith(typeof(Ops).GetFields().Select(f => (string)f.GetValue(null)!));
        names.UnionWith(Enum.GetValues<EventKind>().Select(EventKinds.NameOf));
        // The contract's field names, shown beside their translation (step fields) or as the state events carry them.
        foreach (var type in typeof(Step).Assembly.GetExportedTypes().Where(t => t.Namespace?.StartsWith("IpcPlayground.Contracts", StringComparison.Ordinal) == true))
            foreach (var property in type.GetProperties())
                names.Add(JsonNamingPolicy.CamelCase.ConvertName(property.Name));
        using var experiment = JsonDocument.Parse(experimentJson);
        foreach (var text in NamesAndData(experiment.RootElement))
            foreach (Match m in IdentifierPattern().Matches(text)) names.Add(m.Value);
        return names;
    }

    /// <summary>The experiment's own names: process names, object ids, and the data its steps carry.</summary>
    private static IEnumerable<string> NamesAndData(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "name" or "id" or "data" or "object" or "target" or "process" && property.Value.ValueKind == JsonValueKind.String)
                    yield return property.Value.GetString()!;
                else if (property.Name is not ("title" or "description"))
                    foreach (var inner in NamesAndData(property.Value)) yield return inner;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray())
                foreach (var inner in NamesAndData(item)) yield return inner;
    }

    [GeneratedRegex("[A-Za-z][A-Za-z_-]*[A-Za-z]")]
    private static partial Regex IdentifierPattern();
}

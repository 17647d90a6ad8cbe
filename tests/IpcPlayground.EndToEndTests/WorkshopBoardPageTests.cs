using System.Net.Http.Json;
using System.Text;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Sharing;
using IpcPlayground.Testing;
using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>
/// A workshop as a room lives it, in three browser contexts: the instructor creates it and watches the board while
/// two participants join, one deadlocks, the instructor broadcasts, spotlights, closes joining and ends it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkshopBoardPageTests(BrowserFixture fixture)
{
    private static ILocator Row(IPage board, string name) => board.Locator($"[data-testid=board-row][data-name='{name}']");

    private async Task<string> StoreDeadlockAsync()
    {
        // The run ends as a deadlock long before this timeout: the board keeps showing it deadlocked, and who was blocked.
        var json = SampleExperiments.PipeDeadlock.Replace("\"timeoutMs\": 2500", "\"timeoutMs\": 15000", StringComparison.Ordinal);
        using var http = fixture.Server.CreateLoopbackClient();
        using var response = await http.PostAsync("/api/experiments", new StringContent(json, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SharedExperiment>())!.Url;
    }

    private static async Task<IPage> JoinAsync(IPage page, string code, string name)
    {
        await page.GotoAsync($"/join/{code}");
        await Assertions.Expect(page.GetByTestId("join-title")).ToHaveTextAsync("Pipes, in a room");
        // Typed key by key: every key press re-renders the layout, and the page must keep what is typed.
        await page.GetByTestId("join-name").PressSequentiallyAsync(name);
        await page.GetByTestId("join-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("participant-name")).ToContainTextAsync(name);
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync();

        // So must the workspace: an edit typed into the composer stays, and the participant stays who they are.
        var editor = page.GetByTestId("experiment-editor");
        await Assertions.Expect(editor).ToHaveValueAsync(LessonLibrary.Get("pipe-byte-stream").ExperimentJson); // the workshop's first
        // A lesson comes with its explanation in the workspace too.
        await Assertions.Expect(page.GetByTestId("lesson-explanation")).ToContainTextAsync(LessonLibrary.Get("pipe-byte-stream").Explanation.En[..60]);
        var json = await editor.InputValueAsync();
        await editor.PressAsync("Control+End");
        await editor.PressSequentiallyAsync("  ");
        await Assertions.Expect(editor).ToHaveValueAsync(json + "  ");
        await Assertions.Expect(page.GetByTestId("participant-name")).ToContainTextAsync(name);
        return page;
    }

    [Fact]
    public async Task The_instructor_sees_the_room_live_broadcasts_spotlights_closes_and_ends()
    {
        var deadlockLink = await StoreDeadlockAsync();
        var board = await fixture.NewPageAsync();
        await board.GotoAsync("/workshops/new");
        await board.GetByTestId("workshop-title").FillAsync("Pipes, in a room");
        await board.Locator("[data-testid=workshop-lesson][data-lesson=pipe-byte-stream]").CheckAsync();
        await board.GetByTestId("workshop-links").FillAsync(deadlockLink);
        await board.GetByTestId("workshop-create").ClickAsync();
        var code = await board.GetByTestId("workshop-join-code").TextContentAsync();
        await Assertions.Expect(board.GetByTestId("workshop-instructor-link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/w/[a-z0-9]+#key=i\\."));
        await BrowserFixture.SaveScreenshotAsync(board, "workshop-created");
        await board.GetByTestId("workshop-open-board").ClickAsync();
        await Assertions.Expect(board.GetByTestId("board-join-code")).ToHaveTextAsync(code!);
        await Assertions.Expect(board.GetByTestId("board-empty")).ToBeVisibleAsync();

        var ada = await JoinAsync(await fixture.NewPageAsync(), code!, "Ada");
        var bea = await JoinAsync(await fixture.NewPageAsync(), code!, "Bea");
        await Assertions.Expect(Row(board, "Ada")).ToHaveAttributeAsync("data-online", "true");
        await Assertions.Expect(Row(board, "Bea")).ToHaveAttributeAsync("data-online", "true");
        await Assertions.Expect(Row(board, "Bea").GetByTestId("board-experiment")).ToHaveTextAsync(LessonLibrary.Get("pipe-byte-stream").Title.En);
        // Once Bea makes the experiment her own, the board says so instead of keeping the lesson's title.
        await bea.GetByTestId("composer-name").FillAsync("Bea's pipes");
        await bea.GetByTestId("composer-name").PressAsync("Tab");
        await Assertions.Expect(Row(board, "Bea").GetByTestId("board-experiment")).ToHaveTextAsync("Bea's pipes");
        await bea.GetByTestId("composer-undo").ClickAsync();
        await Assertions.Expect(Row(board, "Bea").GetByTestId("board-experiment")).ToHaveTextAsync(LessonLibrary.Get("pipe-byte-stream").Title.En);

        // Ada runs the experiment where each process waits for the other: the board says who is stuck, and where.
        await ada.Locator("[data-testid=participant-experiment]").Nth(1).ClickAsync();
        await Assertions.Expect(ada.GetByTestId("experiment-editor")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Each waits for the other"));
        await ada.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(Row(board, "Ada")).ToHaveAttributeAsync("data-state", "deadlocked");
        await Assertions.Expect(Row(board, "Ada").GetByTestId("board-blocked")).ToContainTextAsync("parent");
        await Assertions.Expect(Row(board, "Ada").GetByTestId("board-blocked")).ToContainTextAsync("child");
        await Assertions.Expect(board.GetByTestId("board-totals")).ToHaveAttributeAsync("data-deadlocked", "1");
        await board.GetByTestId("board-needs-help").CheckAsync();
        await Assertions.Expect(board.GetByTestId("board-row")).ToHaveCountAsync(1);
        await board.GetByTestId("board-needs-help").UncheckAsync();
        await Row(board, "Ada").GetByTestId("board-watch").ClickAsync();
        await Assertions.Expect(board.GetByTestId("board-watching")).ToContainTextAsync("Ada");
        // The watched run shows the deadlock's wait-for picture: each process, the call it waits in, who could end it.
        await Assertions.Expect(board.Locator("[data-testid=deadlock-wait][data-process=child]")).ToContainTextAsync("only parent could end that");
        await BrowserFixture.SaveScreenshotAsync(board, "workshop-board");
        // The run is stopped the moment it deadlocks, and Ada's page says so with the board's word.
        await Assertions.Expect(ada.Locator("[data-testid=own-run] [data-testid=run-status]")).ToHaveAttributeAsync("data-status", "deadlock");
        await Assertions.Expect(ada.Locator("[data-testid=own-run] [data-testid=run-status]")).ToContainTextAsync("deadlocked");
        await Assertions.Expect(Row(board, "Ada")).ToHaveAttributeAsync("data-state", "deadlocked");

        // The instructor sends the first experiment to every composer.
        await board.GetByTestId("board-broadcast-experiment").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await board.GetByTestId("board-broadcast").ClickAsync();
        await Assertions.Expect(board.GetByTestId("board-broadcast-sent")).ToBeVisibleAsync();
        // Offered, not imposed: each keeps their own work until they load it, and undo brings their own back.
        foreach (var participant in new[] { ada, bea })
        {
            await Assertions.Expect(participant.GetByTestId("broadcast-received")).ToContainTextAsync(LessonLibrary.Get("pipe-byte-stream").Title.En);
            await Assertions.Expect(participant.GetByTestId("experiment-editor")).Not.ToHaveValueAsync(LessonLibrary.Get("pipe-byte-stream").ExperimentJson);
            await participant.GetByTestId("broadcast-load").ClickAsync();
            await Assertions.Expect(participant.GetByTestId("experiment-editor")).ToHaveValueAsync(LessonLibrary.Get("pipe-byte-stream").ExperimentJson);
        }
        await ada.GetByTestId("composer-undo").ClickAsync();
        await Assertions.Expect(ada.GetByTestId("experiment-editor")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Each waits for the other"));
        await ada.GetByTestId("composer-redo").ClickAsync();
        await Assertions.Expect(ada.GetByTestId("experiment-editor")).ToHaveValueAsync(LessonLibrary.Get("pipe-byte-stream").ExperimentJson);

        // The instructor shows the room a measurement by its share link: each participant sees what it timed, on
        // which machine, and a link to open it.
        var measurements = new MeasurementApi(fixture.Server.CreateLoopbackClient());
        var measurementId = await measurements.StartAsync("""{ "mechanisms": ["eventfd"], "sizes": [8], "pattern": "ping-pong", "reference": false }""");
        await measurements.EventsAsync(measurementId); // to its end: the machine it ran on is known by then
        await board.GetByTestId("board-measurement").FillAsync($"{fixture.Server.BaseAddress}m/{measurementId}");
        await board.GetByTestId("board-show-measurement").ClickAsync();
        await Assertions.Expect(board.GetByTestId("board-measurement-shown")).ToContainTextAsync(measurementId);
        foreach (var participant in new[] { ada, bea })
        {
            await Assertions.Expect(participant.GetByTestId("measurement-broadcast")).ToContainTextAsync("eventfd × 8 B (ping-pong, CPUs any)");
            await Assertions.Expect(participant.GetByTestId("measurement-broadcast")).ToContainTextAsync($"{Environment.ProcessorCount} cores");
            await Assertions.Expect(participant.GetByTestId("measurement-broadcast-open")).ToHaveAttributeAsync("href", $"m/{measurementId}");
        }

        // Bea in the spotlight: Ada follows Bea's run read-only; Bea is told the room sees her runs.
        await Row(board, "Bea").GetByTestId("board-spotlight").ClickAsync();
        await Assertions.Expect(Row(board, "Bea").GetByTestId("board-spotlighted")).ToBeVisibleAsync();
        await Assertions.Expect(bea.GetByTestId("spotlight-you")).ToBeVisibleAsync();
        await Assertions.Expect(ada.GetByTestId("spotlight-name")).ToContainTextAsync("Bea");
        await bea.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(bea.Locator("[data-testid=own-run] [data-testid=run-status]")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(ada.Locator("[data-testid=spotlight-run] [data-testid=run-status]")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(ada.Locator("[data-testid=spotlight-run] [data-testid=step-next]")).ToHaveCountAsync(0);
        await Assertions.Expect(Row(board, "Bea")).ToHaveAttributeAsync("data-state", "completed");
        await BrowserFixture.SaveScreenshotAsync(ada, "workshop-participant-spotlight");

        // A reload rejoins as the same participant, not a new one.
        await bea.ReloadAsync();
        await Assertions.Expect(bea.GetByTestId("participant-name")).ToContainTextAsync("Bea");
        await Assertions.Expect(board.GetByTestId("board-totals")).ToHaveAttributeAsync("data-joined", "2");

        // Closing the code turns newcomers away; those in stay.
        await board.GetByTestId("board-toggle-join").ClickAsync();
        await Assertions.Expect(board.GetByTestId("board-join-state")).ToHaveAttributeAsync("data-open", "false");
        var late = await fixture.NewPageAsync();
        await late.GotoAsync($"/join/{code}");
        // The join page says so before a name is typed, under the room's title.
        await Assertions.Expect(late.GetByTestId("join-title")).ToHaveTextAsync("Pipes, in a room");
        await Assertions.Expect(late.GetByTestId("join-refused")).ToContainTextAsync("closed");
        await late.GetByTestId("join-name").FillAsync("Cy");
        await Assertions.Expect(late.GetByTestId("join-button")).ToBeDisabledAsync();

        // Ending the workshop stops everyone's runs from starting.
        await board.GetByTestId("board-end").ClickAsync();
        await board.GetByTestId("board-end-confirm").ClickAsync();
        await Assertions.Expect(board.GetByTestId("workshop-ended")).ToBeVisibleAsync();
        foreach (var participant in new[] { ada, bea })
        {
            await Assertions.Expect(participant.GetByTestId("workshop-ended")).ToBeVisibleAsync();
            await Assertions.Expect(participant.GetByTestId("run-button")).ToBeDisabledAsync();
        }
        foreach (var page in new[] { board, ada, bea, late }) await page.Context.CloseAsync();
    }
}

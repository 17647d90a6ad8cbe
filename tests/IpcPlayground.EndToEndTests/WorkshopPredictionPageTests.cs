using Microsoft.Playwright;

namespace IpcPlayground.EndToEndTests;

/// <summary>
/// Predicting together, in three browser contexts: the instructor starts a predicted run of a lesson for the room,
/// holds it, two participants predict the first step differently, and the board shows how the room answered and
/// what the kernel did.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkshopPredictionPageTests(BrowserFixture fixture)
{
    private const string Title = "Predicting pipes";

    private static async Task<IPage> JoinAsync(IPage page, string code, string name)
    {
        await page.GotoAsync($"/join/{code}");
        await Assertions.Expect(page.GetByTestId("join-title")).ToHaveTextAsync(Title);
        await page.GetByTestId("join-name").FillAsync(name);
        await page.GetByTestId("join-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("participant-name")).ToContainTextAsync(name);
        return page;
    }

    /// <summary>The reader's read of the still empty pipe: the first question of the lesson.</summary>
    private static ILocator ReaderQuestion(IPage page) =>
        page.Locator("[data-testid=own-run] [data-testid=predict-question][data-process=reader][data-about=outcome]");

    [Fact]
    public async Task The_room_predicts_a_step_and_the_board_shows_each_choices_count_and_what_the_kernel_did()
    {
        var board = await fixture.NewPageAsync();
        await board.GotoAsync("/workshops/new");
        await board.GetByTestId("workshop-title").FillAsync(Title);
        await board.Locator("[data-testid=workshop-lesson][data-lesson=pipe-empty-blocks]").CheckAsync();
        await board.GetByTestId("workshop-create").ClickAsync();
        var code = await board.GetByTestId("workshop-join-code").TextContentAsync();
        await board.GetByTestId("workshop-open-board").ClickAsync();
        await Assertions.Expect(board.GetByTestId("prediction-intro")).ToBeVisibleAsync();

        var ada = await JoinAsync(await fixture.NewPageAsync(), code!, "Ada");
        var bea = await JoinAsync(await fixture.NewPageAsync(), code!, "Bea");
        await Assertions.Expect(board.GetByTestId("board-totals")).ToHaveAttributeAsync("data-online", "2");

        // The instructor starts the prediction and holds the room at once: answered steps wait for the instructor.
        await board.GetByTestId("prediction-start").ClickAsync();
        await Assertions.Expect(board.GetByTestId("prediction-current")).ToContainTextAsync("An empty pipe blocks its reader");
        await board.GetByTestId("prediction-hold").ClickAsync();
        await Assertions.Expect(board.GetByTestId("prediction-current")).ToHaveAttributeAsync("data-hold", "true");
        foreach (var participant in new[] { ada, bea })
        {
            await Assertions.Expect(participant.GetByTestId("prediction-received")).ToContainTextAsync("Your instructor started a prediction: An empty pipe blocks its reader");
            await Assertions.Expect(participant.GetByTestId("prediction-held")).ToHaveTextAsync("The room is held: your step runs when the instructor lets it go");
            await Assertions.Expect(ReaderQuestion(participant)).ToBeVisibleAsync();
        }

        // Each predicts in their own run: Ada that the read sleeps, Bea that it returns at once.
        await ReaderQuestion(ada).Locator("[data-testid=predict-choice][data-choice=blocks]").ClickAsync();
        await ReaderQuestion(bea).Locator("[data-testid=predict-choice][data-choice=returns]").ClickAsync();
        var step = board.Locator("[data-testid=prediction-step][data-process=reader][data-about=outcome]");
        await Assertions.Expect(step).ToHaveAttributeAsync("data-step", "0");
        await Assertions.Expect(step.Locator("[data-testid=prediction-bar][data-choice=blocks]")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(step.Locator("[data-testid=prediction-bar][data-choice=returns]")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(step.GetByTestId("prediction-answered")).ToHaveTextAsync("2 of 2 answered");
        // Held: the answered step has not run, so the kernel has not said yet.
        await Assertions.Expect(step.GetByTestId("prediction-outcome")).ToHaveCountAsync(0);
        await Assertions.Expect(ada.Locator("[data-testid=my-prediction][data-process=reader]")).ToHaveCountAsync(1);
        await Assertions.Expect(ada.Locator("[data-testid=my-prediction][data-process=reader]")).Not.ToHaveAttributeAsync("data-correct", "true");

        // Let go: the reads run for real, and the board says what the kernel did and marks the right choice.
        await board.GetByTestId("prediction-let-go").ClickAsync();
        await Assertions.Expect(board.GetByTestId("prediction-current")).ToHaveAttributeAsync("data-hold", "false");
        await Assertions.Expect(ada.GetByTestId("prediction-held")).ToHaveCountAsync(0);
        await Assertions.Expect(step.GetByTestId("prediction-outcome")).ToHaveAttributeAsync("data-actual", "blocks");
        await Assertions.Expect(step.GetByTestId("prediction-outcome")).ToContainTextAsync("blocks: sleeps in the kernel");
        await Assertions.Expect(step.Locator("[data-testid=prediction-bar][data-choice=blocks]")).ToHaveAttributeAsync("data-right", "true");
        await Assertions.Expect(step.Locator("[data-testid=prediction-bar][data-choice=returns]")).ToHaveAttributeAsync("data-right", "false");
        await Assertions.Expect(ada.Locator("[data-testid=my-prediction][data-process=reader]")).ToHaveAttributeAsync("data-correct", "true");
        await Assertions.Expect(bea.Locator("[data-testid=my-prediction][data-process=reader]")).ToHaveAttributeAsync("data-correct", "false");
        await BrowserFixture.SaveScreenshotAsync(board, "predict-board");
        await BrowserFixture.SaveScreenshotAsync(ada, "predict-participant");

        // The answers, one row each, downloaded with the instructor's key.
        var download = await board.RunAndWaitForDownloadAsync(() => board.GetByTestId("prediction-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(csv.Split('\n'), row => row.Contains("Ada", StringComparison.Ordinal) && row.Contains("blocks", StringComparison.Ordinal));
        Assert.Contains(csv.Split('\n'), row => row.Contains("Bea", StringComparison.Ordinal) && row.Contains("returns", StringComparison.Ordinal));

        // The runs wait at the writer's question; stopped here so that their held slots go back for the next test.
        foreach (var participant in new[] { ada, bea })
        {
            await participant.Locator("[data-testid=own-run] [data-testid=predict-stop]").ClickAsync();
            await Assertions.Expect(participant.Locator("[data-testid=own-run] [data-testid=run-status]")).ToHaveAttributeAsync("data-status", "killed");
        }
        foreach (var page in new[] { board, ada, bea }) await page.Context.CloseAsync();
    }
}

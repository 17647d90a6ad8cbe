using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using IpcPlayground.Client.Components;
using IpcPlayground.Client.Localization;
using IpcPlayground.Client.Pages;
using IpcPlayground.Client.Services;
using IpcPlayground.Client.Services.Composer;
using IpcPlayground.Client.Services.Runs;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.ClientTests;

/// <summary>
/// Predict mode around the panel: the toggle beside Step mode, the requests it makes of the run API, the replay of
/// a predicted run, and the step-mode view left undisturbed by questions and answers.
/// </summary>
public sealed class PredictModeTests : BunitContext
{
    private readonly FakeRunApi _server = new();
    private readonly RunsClient _runs;

    public PredictModeTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        _runs = new RunsClient(new HttpClient(_server) { BaseAddress = new Uri("http://localhost/") }, new HublessNavigation(),
            new HubAssemblies(new Microsoft.AspNetCore.Components.WebAssembly.Services.LazyAssemblyLoader(JSInterop.JSRuntime)));
        // An instance, not a type: the container does not dispose it (RunsClient is only IAsyncDisposable, xUnit disposes synchronously).
        Services.AddSingleton(_runs);
        Services.AddScoped<KeyboardShortcuts>();
    }

    private static readonly Dictionary<string, string> EmptyPipeFacts = new() { ["call"] = "read(2)", ["object"] = "p", ["buffered"] = "0", ["writers"] = "parent" };

    private static Events PredictedRun() => new Events()
        .Start(0, "parent").Start(1, "reader")
        .Paused(2, "reader", "read", "p")
        .Question(2, "reader", "read", "p", "outcome", "read(2)", ["returns", "eof", "blocks", "fails:EBADF"])
        .Answer(3, "reader", "read", "p", "outcome", "blocks")
        .Blocked(4, 3, "reader", "read", "p")
        .Outcome(4, "reader", "read", "p", "outcome", "blocks", "blocks", "read-empty-writers", EmptyPipeFacts)
        .Call(5, "parent", "write", "p").Call(6, "reader", "read", "p")
        .Exit(7, "reader").Exit(8, "parent").End(9, RunStatuses.Completed);

    [Fact]
    public void Step_mode_and_predict_mode_exclude_each_other()
    {
        var cut = Render<RunControls>(p => p.Add(c => c.Session, new RunSession(_runs)).Add(c => c.Composer, new ComposerState(LessonLibrary.Get("pipe-empty-blocks"))));
        var step = () => cut.Find("[data-testid=step-mode-toggle]");
        var predict = () => cut.Find("[data-testid=predict-mode-toggle]");
        Assert.False(step().HasAttribute("checked") || predict().HasAttribute("checked"));

        step().Change(true);
        predict().Change(true);
        Assert.True(predict().HasAttribute("checked"));
        Assert.False(step().HasAttribute("checked"));

        step().Change(true);
        Assert.True(step().HasAttribute("checked"));
        Assert.False(predict().HasAttribute("checked"));
        Assert.Contains("Predict", predict().ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_toggle_reads_in_chinese_too()
    {
        var cut = Render<RunControls>(p => p.Add(c => c.Session, new RunSession(_runs)).Add(c => c.Composer, new ComposerState(LessonLibrary.Get("pipe-empty-blocks")))
            .AddCascadingValue(UiText.Chinese));
        var label = cut.Find("[data-testid=predict-mode-toggle]").ParentElement!;
        Assert.Equal("预测模式", label.TextContent.Trim());
        Assert.Equal(PredictText.Chinese.ToggleHint, label.GetAttribute("title"));
    }

    [Fact]
    public async Task A_predicted_run_starts_with_mode_predict_and_an_answer_names_the_question_it_is_for()
    {
        var (runId, errors) = await _runs.StartAsync(LessonLibrary.Get("pipe-empty-blocks").ExperimentJson, RunModes.Predict);
        Assert.Equal("r1", runId);
        Assert.Empty(errors);
        Assert.Equal("POST /api/runs?mode=predict", _server.Requests[0]);

        Assert.Null(await _runs.AnswerAsync("r1", new AnswerRequest("reader", "outcome", "blocks", "0", null)));
        Assert.Equal("POST /api/runs/r1/answer", _server.Requests[1]);
        using var body = JsonDocument.Parse(_server.Bodies[1]);
        Assert.Equal("blocks", body.RootElement.GetProperty("choice").GetString());
        Assert.Equal("0", body.RootElement.GetProperty("step").GetString());

        await _runs.StartAsync(LessonLibrary.Get("pipe-empty-blocks").ExperimentJson);
        Assert.Equal("POST /api/runs", _server.Requests[2]);
    }

    [Fact]
    public async Task A_refused_answer_comes_back_as_the_servers_words()
    {
        _server.AnswerStatus = HttpStatusCode.BadRequest;
        _server.AnswerBody = """{"title":"The answer is not valid","status":400,"errors":{"choice":["'bogus' is not one of returns, eof, blocks, fails:EBADF"]}}""";
        Assert.Equal("'bogus' is not one of returns, eof, blocks, fails:EBADF", await _runs.AnswerAsync("r1", new AnswerRequest("reader", "outcome", "bogus")));

        _server.AnswerStatus = HttpStatusCode.Conflict;
        _server.AnswerBody = """{"title":"Not the open question","status":409,"detail":"the open question is outcome of process 'reader' before step 0"}""";
        Assert.Equal("the open question is outcome of process 'reader' before step 0", await _runs.AnswerAsync("r1", new AnswerRequest("parent", "outcome", "returns")));
    }

    [Fact]
    public void The_replay_of_a_predicted_run_shows_its_predictions_and_score_read_only()
    {
        _server.Runs["run1"] = PredictedRun().List;
        var cut = Render<Replay>(p => p.Add(c => c.RunId, "run1"));
        cut.WaitForAssertion(() => Assert.Equal("1 of 1 right", cut.Find("[data-testid=predict-score]").TextContent));

        Assert.Contains("Predictions made in this run", cut.Find("[data-testid=predict-history] summary").TextContent, StringComparison.Ordinal);
        var item = cut.Find("[data-testid=predict-history-item]");
        Assert.Equal("true", item.GetAttribute("data-correct"));
        Assert.Contains("held 0 bytes", item.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=predict-choice]"));

        // Scrubbed back to before the kernel judged it, the replay shows the prediction as not judged yet.
        cut.Find("[data-testid=replay-scrubber]").Input("5");
        Assert.Empty(cut.FindAll("[data-testid=predict-history-item]"));
        Assert.Equal("0 of 0 right", cut.Find("[data-testid=predict-score]").TextContent);
    }

    [Fact]
    public void A_run_that_asked_nothing_replays_without_predictions()
    {
        _server.Runs["run2"] = new Events().Start(0, "a").Exit(1, "a").End(2, RunStatuses.Completed).List;
        var cut = Render<Replay>(p => p.Add(c => c.RunId, "run2"));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=event-row]").Count));
        Assert.Empty(cut.FindAll("[data-testid=predict-history]"));
    }

    [Fact]
    public void Questions_answers_and_outcomes_do_not_change_who_is_held_or_blocked()
    {
        var holds = StepModeModel.Build(PredictedRun().List.Take(5).ToList());
        Assert.Equal(HeldStatus.Held, holds.Single(h => h.Process == "reader").Status);

        holds = StepModeModel.Build(PredictedRun().List.Take(7).ToList());
        Assert.Equal(HeldStatus.Blocked, holds.Single(h => h.Process == "reader").Status);
    }

    [Fact]
    public void Every_predict_mode_text_has_both_languages()
    {
        foreach (var property in typeof(PredictText).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(PredictText.English)), property.Name);
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(PredictText.Chinese)), property.Name);
            Assert.NotEqual(property.GetValue(PredictText.English), property.GetValue(PredictText.Chinese));
        }
        Assert.Same(PredictText.Chinese, UiText.Chinese.PredictMode);
    }

    /// <summary>Only the run hub needs the address; these tests never connect to it.</summary>
    private sealed class HublessNavigation : NavigationManager
    {
        public HublessNavigation() => Initialize("http://localhost/", "http://localhost/");
    }

    /// <summary>The run API as predict mode uses it, in memory: starts, answers, recorded runs.</summary>
    private sealed class FakeRunApi : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];
        public List<string> Bodies { get; } = [];
        public Dictionary<string, IReadOnlyList<RunEvent>> Runs { get; } = [];
        public HttpStatusCode AnswerStatus { get; set; } = HttpStatusCode.Accepted;
        public string AnswerBody { get; set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            Requests.Add($"{request.Method} {request.RequestUri.PathAndQuery}");
            Bodies.Add(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
            if (request.Method == HttpMethod.Post && path == "/api/runs")
                return Reply(HttpStatusCode.Accepted, JsonSerializer.Serialize(new RunAccepted("r" + Requests.Count), ContractsJsonContext.Default.RunAccepted));
            if (request.Method == HttpMethod.Post && path.EndsWith("/answer", StringComparison.Ordinal))
                return Reply(AnswerStatus, AnswerBody);
            if (path.StartsWith("/api/runs/", StringComparison.Ordinal) && path.EndsWith("/events", StringComparison.Ordinal)
                && Runs.TryGetValue(path["/api/runs/".Length..^"/events".Length], out var events))
                return Reply(HttpStatusCode.OK, string.Concat(events.Select(e => JsonSerializer.Serialize(e, ContractsJsonContext.Default.RunEvent) + "\n")));
            return Reply(HttpStatusCode.NotFound, """{"title":"not found"}""");
        }

        private static HttpResponseMessage Reply(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json") };
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using IpcPlayground.Client.Components.Workshops;
using IpcPlayground.Client.Localization;
using IpcPlayground.Client.Pages.Workshops;
using IpcPlayground.Client.Services.Workshops;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Workshops;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.ClientTests;

/// <summary>The workshop pages' logic: the board's rows and totals, keys from links, creating a workshop and joining one.</summary>
public sealed class WorkshopTests : BunitContext
{
    private static readonly WorkshopInfo Workshop = new("ws1", "IPC 101", "K7M2Q9", true, false,
        [new WorkshopExperiment(0, "A full pipe blocks the writer", "e1"), new WorkshopExperiment(1, "Semaphore admits two", "e2")],
        new WorkshopQuotas(500, 20, 1, 100));

    private readonly FakeWorkshopServer _server = new();

    public WorkshopTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(new WorkshopsClient(new HttpClient(_server) { BaseAddress = new Uri("http://localhost/") }));
        Services.AddSingleton(sp => new RememberedParticipants(JSInterop.JSRuntime));
    }

    private static ParticipantStatus Participant(string id, string name, ParticipantRun? run = null, bool online = true, string? experiment = null) =>
        new(id, name, online, experiment, run);

    private static ParticipantRun Run(string status, bool deadlocked = false, params string[] blocked) =>
        new("run-" + status, status, blocked, deadlocked, 12);

    [Fact]
    public void The_board_keeps_join_order_updates_rows_in_place_and_counts_the_room()
    {
        var board = BoardState.From(new WorkshopBoard(Workshop, [Participant("p1", "Ada"), Participant("p2", "Linus", online: false)]));
        board.Apply(Participant("p3", "Grace", Run("running", false, "reader")));
        board.Apply(Participant("p1", "Ada", Run("running", true, "a", "b"), experiment: "Semaphore admits two"));

        Assert.Equal(["Ada", "Linus", "Grace"], board.Rows().Select(p => p.Name));
        Assert.Equal(new BoardCounts(3, 2, 2, 1, 1), board.Counts);
        Assert.Equal(["Ada", "Grace"], board.Rows(onlyNeedingHelp: true).Select(p => p.Name));
        Assert.Equal(ParticipantState.Deadlocked, BoardState.StateOf(board.Find("p1")!));
        Assert.Equal(ParticipantState.Blocked, BoardState.StateOf(board.Find("p3")!));
        Assert.Equal(ParticipantState.Idle, BoardState.StateOf(board.Find("p2")!));
        Assert.Equal(ParticipantState.Failed, BoardState.StateOf(Participant("x", "x", Run("timeout"))));
        Assert.Equal(ParticipantState.Completed, BoardState.StateOf(Participant("x", "x", Run("completed"))));
    }

    [Fact]
    public void A_change_older_than_the_row_does_not_step_the_run_back()
    {
        var board = new BoardState(Workshop);
        board.Apply(Participant("p1", "Ada", Run("running", false, "reader") with { EventCount = 20 }));
        board.Apply(Participant("p1", "Ada", Run("running") with { EventCount = 8 }, online: false));

        Assert.Equal(20, board.Find("p1")!.Run!.EventCount);
        Assert.Equal(["reader"], board.Find("p1")!.Run!.Blocked);
        Assert.False(board.Find("p1")!.Online);

        board.Apply(Participant("p1", "Ada", new ParticipantRun("next", "running", [], false, 2)));
        Assert.Equal("next", board.Find("p1")!.Run!.RunId);
    }

    [Fact]
    public void The_board_counts_experiments_in_the_workshops_order_then_others()
    {
        var board = new BoardState(Workshop);
        board.Apply(Participant("p1", "Ada", experiment: "Semaphore admits two"));
        board.Apply(Participant("p2", "Bo", experiment: "My own"));
        board.Apply(Participant("p3", "Cy", experiment: "A full pipe blocks the writer"));
        board.Apply(Participant("p4", "Di", experiment: "Semaphore admits two"));

        Assert.Equal([("A full pipe blocks the writer", 1), ("Semaphore admits two", 2), ("My own", 1)], board.ByExperiment());
    }

    [Fact]
    public void The_instructor_key_comes_only_from_the_fragment_and_only_for_its_workshop()
    {
        var key = WorkshopKey.FromInstructorAddress("ws1", "http://localhost/w/ws1#key=i.ws1.SECRETSECRET");
        Assert.Equal(new WorkshopKey("ws1", "i.ws1.SECRETSECRET"), key);
        Assert.True(key!.IsInstructor);
        Assert.Null(key.ParticipantId);
        Assert.Null(WorkshopKey.FromInstructorAddress("ws1", "http://localhost/w/ws1"));
        Assert.Null(WorkshopKey.FromInstructorAddress("ws1", "http://localhost/w/ws1#key=i.other.SECRET"));
        Assert.Null(WorkshopKey.FromInstructorAddress("ws1", "http://localhost/w/ws1#key=p.ws1.SECRET"));
        Assert.Equal("p7", new WorkshopKey("ws1", "p.p7.SECRET").ParticipantId);
    }

    [Fact]
    public void Board_rows_show_state_and_blocked_processes_and_the_filter_hides_the_healthy()
    {
        var board = new BoardState(Workshop with { Spotlight = new Spotlight("p2", "Linus", "run-completed") });
        board.Apply(Participant("p1", "Ada", Run("running", true, "parent", "child")));
        board.Apply(Participant("p2", "Linus", Run("completed")));
        board.Apply(Participant("p3", "Grace", online: false));

        var cut = Render<BoardTable>(p => p.Add(c => c.Board, board));

        var rows = cut.FindAll("[data-testid=board-row]");
        Assert.Equal(["deadlocked", "completed", "idle"], rows.Select(r => r.GetAttribute("data-state")));
        Assert.Equal(["true", "true", "false"], rows.Select(r => r.GetAttribute("data-online")));
        Assert.Equal(["run-running", "run-completed", null], rows.Select(r => r.GetAttribute("data-run")));
        Assert.Equal(["12", "12", null], rows.Select(r => r.GetAttribute("data-events")));
        Assert.Equal("parent child", rows[0].QuerySelector("[data-testid=board-blocked]")!.TextContent.Trim());
        Assert.NotNull(rows[1].QuerySelector("[data-testid=board-spotlighted]"));
        Assert.True(rows[2].QuerySelector("[data-testid=board-watch]")!.HasAttribute("disabled"));
        Assert.Equal("3", cut.Find("[data-testid=board-totals]").GetAttribute("data-joined"));

        cut.Find("[data-testid=board-needs-help]").Change(true);
        Assert.Equal(["Ada"], cut.FindAll("[data-testid=board-row]").Select(r => r.GetAttribute("data-name")));
    }

    [Fact]
    public void Board_actions_name_the_participant_and_a_spotlighted_row_offers_to_clear()
    {
        var board = new BoardState(Workshop with { Spotlight = new Spotlight("p2", "Linus", null) });
        board.Apply(Participant("p1", "Ada", Run("running")));
        board.Apply(Participant("p2", "Linus"));
        var spotlights = new List<string?>();
        var watched = new List<string>();
        var cut = Render<BoardTable>(p => p
            .Add(c => c.Board, board)
            .Add(c => c.OnSpotlight, (string? id) => spotlights.Add(id))
            .Add(c => c.OnWatch, (string id) => watched.Add(id)));

        cut.Find("[data-participant=p1] [data-testid=board-spotlight]").Click();
        cut.Find("[data-participant=p2] [data-testid=board-clear-spotlight]").Click();
        cut.Find("[data-participant=p1] [data-testid=board-watch]").Click();

        Assert.Equal(["p1", null], spotlights);
        Assert.Equal(["p1"], watched);
    }

    [Fact]
    public void Removing_a_participant_asks_once_more_in_their_row_and_their_row_goes_when_the_server_says_so()
    {
        var board = new BoardState(Workshop);
        board.Apply(Participant("p1", "Ada"));
        board.Apply(Participant("p2", "Linus"));
        var removed = new List<string>();
        var cut = Render<BoardTable>(p => p.Add(c => c.Board, board).Add(c => c.OnRemove, (string id) => removed.Add(id)));

        cut.Find("[data-participant=p2] [data-testid=board-remove]").Click();
        Assert.Empty(removed);
        cut.Find("[data-participant=p2] [data-testid=board-remove-cancel]").Click();
        Assert.Empty(cut.FindAll("[data-testid=board-remove-confirm]"));
        cut.Find("[data-participant=p2] [data-testid=board-remove]").Click();
        Assert.Equal("Remove Linus", cut.Find("[data-participant=p2] [data-testid=board-remove-confirm]").TextContent);
        cut.Find("[data-participant=p2] [data-testid=board-remove-confirm]").Click();
        Assert.Equal(["p2"], removed);

        board.Remove("p2");
        Assert.Equal(["Ada"], board.Rows().Select(p => p.Name));
        Assert.Equal(1, board.Counts.Joined);
    }

    [Fact]
    public void A_redraw_of_the_board_redraws_only_the_rows_that_changed_and_every_row_for_a_new_language()
    {
        var board = new BoardState(Workshop);
        board.Apply(Participant("p1", "Ada", Run("running")));
        board.Apply(Participant("p2", "Linus", Run("running")));
        RenderFragment table = b =>
        {
            b.OpenComponent<BoardTable>(0);
            b.AddComponentParameter(1, nameof(BoardTable.Board), board);
            b.CloseComponent();
        };
        var cut = Render<CascadingValue<UiText>>(p => p.Add(c => c.Value, UiText.English).Add(c => c.ChildContent, table));
        int RenderCountOf(string id) => cut.FindComponents<BoardRow>().Single(r => r.Instance.Participant.ParticipantId == id).RenderCount;

        board.Apply(Participant("p1", "Ada", Run("completed")));
        cut.FindComponent<BoardTable>().Render();

        Assert.Equal("completed", cut.Find("[data-participant=p1]").GetAttribute("data-state"));
        Assert.Equal(2, RenderCountOf("p1"));
        Assert.Equal(1, RenderCountOf("p2"));

        cut.Render(p => p.Add(c => c.Value, UiText.Chinese).Add(c => c.ChildContent, table));

        Assert.Equal(2, RenderCountOf("p2"));
        Assert.Equal(WorkshopText.Chinese.Watch, cut.Find("[data-participant=p2] [data-testid=board-watch]").TextContent);
    }

    [Fact]
    public void An_empty_room_says_how_to_fill_it()
    {
        var cut = Render<BoardTable>(p => p.Add(c => c.Board, new BoardState(Workshop)));
        Assert.Contains("join link", cut.Find("[data-testid=board-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=board]"));
    }

    [Fact]
    public void Creating_needs_a_title_and_an_experiment_then_shows_the_code_and_both_links()
    {
        var cut = Render<NewWorkshop>();
        Assert.True(cut.Find("[data-testid=workshop-create]").HasAttribute("disabled"));
        cut.Find("[data-testid=workshop-title]").Input("IPC 101");
        Assert.True(cut.Find("[data-testid=workshop-create]").HasAttribute("disabled"));
        Assert.NotEmpty(cut.FindAll("[data-testid=workshop-choose-hint]"));

        cut.Find("[data-testid=workshop-lesson][data-lesson=pipe-byte-stream]").Change(true);
        cut.Find("[data-testid=workshop-links]").Input("/e/abc\n\n  xyz  ");
        cut.Find("[data-testid=workshop-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("K7M2Q9", cut.Find("[data-testid=workshop-join-code]").TextContent));
        Assert.Equal("http://localhost/join/K7M2Q9", cut.Find("[data-testid=workshop-join-link]").GetAttribute("value"));
        Assert.Equal("http://localhost/w/ws1#key=i.ws1.SECRET", cut.Find("[data-testid=workshop-instructor-link]").GetAttribute("value"));
        var sent = JsonSerializer.Deserialize(_server.Created.Single(), ContractsJsonContext.Default.CreateWorkshopRequest)!;
        Assert.Equal("IPC 101", sent.Title);
        Assert.Equal([new WorkshopExperimentSource("pipe-byte-stream"), new WorkshopExperimentSource(Link: "/e/abc"), new WorkshopExperimentSource(Link: "xyz")],
            sent.Experiments);
    }

    [Fact]
    public void The_servers_refusal_of_a_workshop_is_shown_by_path()
    {
        _server.CreateProblem = """{"title":"The workshop is not valid","errors":{"experiments[0].link":["'/e/nope' is not a share link of this server (/e/{id})"]}}""";
        var cut = Render<NewWorkshop>();
        cut.Find("[data-testid=workshop-title]").Input("IPC 101");
        cut.Find("[data-testid=workshop-links]").Input("/e/nope");
        cut.Find("[data-testid=workshop-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("experiments[0].link", cut.Find("[data-testid=validation-error]").GetAttribute("data-path")));
        Assert.Empty(cut.FindAll("[data-testid=workshop-created]"));
    }

    [Fact]
    public void Joining_with_an_unknown_code_says_so_and_keeps_the_form()
    {
        var cut = Render<JoinWorkshop>(p => p.Add(c => c.Code, "NOPE42"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=join-name]"));
        cut.Find("[data-testid=join-name]").Input("Ada");
        cut.Find("[data-testid=join-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("no workshop has the code 'NOPE42'", cut.Find("[data-testid=join-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Ada", cut.Find("[data-testid=join-name]").GetAttribute("value"));
        Assert.Empty(JSInterop.Invocations["localStorage.setItem"]);
    }

    [Fact]
    public void Every_workshop_text_has_both_languages()
    {
        foreach (var property in typeof(WorkshopText).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(WorkshopText.Chinese)), property.Name);
            Assert.NotEqual(property.GetValue(WorkshopText.English), property.GetValue(WorkshopText.Chinese));
        }
    }

    /// <summary>The server's workshop API, in memory: one workshop that creates as ws1 with code K7M2Q9.</summary>
    private sealed class FakeWorkshopServer : HttpMessageHandler
    {
        public List<string> Created { get; } = [];
        public string? CreateProblem { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (request.Method == HttpMethod.Post && path == "/api/workshops")
            {
                Created.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
                if (CreateProblem is not null) return Answer(HttpStatusCode.BadRequest, CreateProblem);
                return Answer(HttpStatusCode.Created, JsonSerializer.Serialize(
                    new CreatedWorkshop("ws1", "K7M2Q9", "i.ws1.SECRET", "/w/ws1#key=i.ws1.SECRET", "/join/K7M2Q9"),
                    ContractsJsonContext.Default.CreatedWorkshop));
            }
            if (request.Method == HttpMethod.Post && path == "/api/workshops/join")
                return Answer(HttpStatusCode.NotFound, """{"title":"Unknown code","detail":"no workshop has the code 'NOPE42'"}""");
            return Answer(HttpStatusCode.NotFound, """{"title":"not found"}""");
        }

        private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}

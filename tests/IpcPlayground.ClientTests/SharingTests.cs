using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using IpcPlayground.Client.Components.Sharing;
using IpcPlayground.Client.Pages;
using IpcPlayground.Client.Services;
using IpcPlayground.Client.Services.Composer;
using IpcPlayground.Client.Services.Sharing;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Sharing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.ClientTests;

/// <summary>Share links, opening shared experiments from an address, and replaying a recorded run with the scrubber.</summary>
public sealed class SharingTests : BunitContext
{
    private readonly FakeServer _server = new();

    public SharingTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // An instance, not a type: the container does not dispose it (RunsClient is only IAsyncDisposable, xUnit disposes synchronously).
        Services.AddSingleton(new RunsClient(new HttpClient(_server) { BaseAddress = new Uri("http://localhost/") }, new HublessNavigation(),
            new HubAssemblies(new Microsoft.AspNetCore.Components.WebAssembly.Services.LazyAssemblyLoader(JSInterop.JSRuntime))));
        Services.AddScoped<KeyboardShortcuts>();
    }

    private static string Lesson => LessonLibrary.Get("pipe-byte-stream").ExperimentJson;

    [Fact]
    public void Links_are_absolute_and_a_self_contained_link_carries_the_experiment_back()
    {
        Assert.Equal("http://localhost:5080/e/k2x7", ShareLinks.Stored("http://localhost:5080/", new SharedExperiment("k2x7", "/e/k2x7")));
        Assert.Equal("http://localhost:5080/r/abc", ShareLinks.Replay("http://localhost:5080/", "abc"));

        var link = ShareLinks.SelfContained("http://localhost:5080/", Lesson);
        Assert.StartsWith("http://localhost:5080/#x=1.", link, StringComparison.Ordinal);
        Assert.Equal((Lesson, null), ShareLinks.FromAddress(link));
        Assert.Equal((null, null), ShareLinks.FromAddress("http://localhost:5080/"));
        Assert.Equal((null, null), ShareLinks.FromAddress("http://localhost:5080/#top"));
    }

    [Fact]
    public void A_damaged_fragment_gives_the_codecs_problem()
    {
        var damaged = "http://localhost/#x=1.%%%not-base64";
        var expected = SelfContainedLink.Read("x=1.%%%not-base64").Problem;
        Assert.NotNull(expected);
        Assert.Equal((null, expected), ShareLinks.FromAddress(damaged));

        Services.GetRequiredService<NavigationManager>().NavigateTo(damaged);
        var cut = Render<Playground>();
        cut.WaitForAssertion(() => Assert.Contains(expected!, cut.Find("[data-testid=load-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_fragment_link_opens_its_experiment_in_the_composer()
    {
        var json = LessonLibrary.Get("sysv-queue-selective-receive").ExperimentJson;
        Services.GetRequiredService<NavigationManager>().NavigateTo(ShareLinks.SelfContained("http://localhost/", json));
        var cut = Render<Playground>();
        cut.WaitForAssertion(() => Assert.Equal(json, cut.Find("[data-testid=experiment-editor]").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-testid=load-error]"));
    }

    [Fact]
    public void A_stored_experiment_opens_by_id_and_an_unknown_id_says_so()
    {
        var json = LessonLibrary.Get("sysv-queue-selective-receive").ExperimentJson;
        _server.Experiments["known1"] = json;

        var cut = Render<Playground>(p => p.Add(c => c.SharedId, "known1"));
        cut.WaitForAssertion(() => Assert.Equal(json, cut.Find("[data-testid=experiment-editor]").GetAttribute("value")));
        Assert.Contains("new link", cut.Find("[data-testid=shared-note]").TextContent, StringComparison.Ordinal);

        var missing = Render<Playground>(p => p.Add(c => c.SharedId, "nosuch"));
        missing.WaitForAssertion(() => Assert.Contains("'nosuch'", missing.Find("[data-testid=load-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Sharing_stores_the_experiment_and_shows_its_link_and_an_edit_makes_it_stale()
    {
        var state = new ComposerState(Lesson);
        (string Id, string Json)? shared = null;
        var cut = Render<SharePanel>(p => p.Add(c => c.Composer, state).Add(c => c.OnShared, s => shared = s));

        cut.Find("[data-testid=share-button]").Click();
        cut.WaitForAssertion(() => Assert.Equal("http://localhost/e/id1", cut.Find("[data-testid=share-link]").GetAttribute("value")));
        Assert.Equal(Lesson, _server.Posted.Single());
        Assert.Equal(("id1", Lesson), shared);
        Assert.Contains("never change", cut.Find("[data-testid=share-note]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=share-fragment-button]").Click();
        var link = cut.Find("[data-testid=share-fragment-link]").GetAttribute("value")!;
        Assert.Equal((Lesson, null), ShareLinks.FromAddress(link));

        state.SetJson(Lesson.Replace("\"child\"", "\"kid\"", StringComparison.Ordinal));
        cut.Render();
        Assert.Empty(cut.FindAll("[data-testid=share-fragment-link]"));
    }

    [Fact]
    public void An_invalid_experiment_cannot_be_shared()
    {
        var state = new ComposerState(Lesson.Replace("\"op\": \"sleep\"", "\"op\": \"nap\"", StringComparison.Ordinal));
        Assert.False(state.IsValid);
        var cut = Render<SharePanel>(p => p.Add(c => c.Composer, state));

        Assert.True(cut.Find("[data-testid=share-button]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=share-fragment-button]").HasAttribute("disabled"));
        Assert.NotEmpty(cut.Find("[data-testid=share-disabled-reason]").TextContent);
    }

    private static Events Recorded() => new Events()
        .Start(0, "a").Call(1, "a", "write", "p").State(2, null, "p", """{"type":"pipe","buffered":5,"capacity":65536}""")
        .Exit(3, "a").End(4, "completed");

    [Fact]
    public void The_replay_state_shows_the_events_up_to_its_position()
    {
        var replay = new ReplayState(Recorded().List);
        Assert.Equal(5, replay.Position);
        Assert.True(replay.Shown.IsFinished);

        replay.MoveTo(2);
        Assert.Equal([1L, 2L], replay.Shown.Events.Select(e => e.Seq));
        Assert.False(replay.Shown.IsFinished);
        replay.MoveTo(0);
        Assert.Equal(1, replay.Position);
        replay.MoveTo(99);
        Assert.Equal(5, replay.Position);

        replay.Play();
        Assert.Equal(1, replay.Position);
        while (replay.Advance()) { }
        Assert.Equal(5, replay.Position);
        Assert.False(replay.Playing);
    }

    [Fact]
    public void The_replay_page_scrubs_the_event_list_and_offers_the_exports()
    {
        _server.Runs["run1"] = Recorded().List;
        var cut = Render<Replay>(p => p.Add(c => c.RunId, "run1"));
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=event-row]").Count));
        Assert.Equal("completed", cut.Find("[data-testid=run-status]").GetAttribute("data-status"));
        Assert.Equal("api/runs/run1/trace.json", cut.Find("[data-testid=export-trace]").GetAttribute("href"));

        cut.Find("[data-testid=replay-scrubber]").Input("2");
        Assert.Equal(2, cut.FindAll("[data-testid=event-row]").Count);
        Assert.Contains("2 events", cut.Find("[data-testid=event-count]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2", cut.Find("[data-testid=replay-position]").GetAttribute("data-position"));
    }

    [Fact]
    public void An_unknown_run_says_so()
    {
        var cut = Render<Replay>(p => p.Add(c => c.RunId, "nosuch"));
        cut.WaitForAssertion(() => Assert.Contains("'nosuch'", cut.Find("[data-testid=load-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Recorded_ndjson_reads_back_as_the_events()
    {
        var events = Recorded().List;
        var read = RunsClient.ReadNdjson(FakeServer.Ndjson(events));
        Assert.Equal(events.Select(e => (e.Seq, e.Kind)), read.Select(e => (e.Seq, e.Kind)));
    }

    /// <summary>Only the run hub needs the address; these tests never connect to it.</summary>
    private sealed class HublessNavigation : NavigationManager
    {
        public HublessNavigation() => Initialize("http://localhost/", "http://localhost/");
    }

    /// <summary>The server's sharing and recording API, in memory.</summary>
    private sealed class FakeServer : HttpMessageHandler
    {
        public Dictionary<string, string> Experiments { get; } = [];
        public Dictionary<string, IReadOnlyList<RunEvent>> Runs { get; } = [];
        public List<string> Posted { get; } = [];

        public static string Ndjson(IEnumerable<RunEvent> events) =>
            string.Concat(events.Select(e => JsonSerializer.Serialize(e, ContractsJsonContext.Default.RunEvent) + "\n"));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (request.Method == HttpMethod.Post && path == "/api/experiments")
            {
                Posted.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
                var id = "id" + Posted.Count;
                return Answer(HttpStatusCode.Created, JsonSerializer.Serialize(new SharedExperiment(id, "/e/" + id), ContractsJsonContext.Default.SharedExperiment));
            }
            if (path.StartsWith("/api/experiments/", StringComparison.Ordinal) && Experiments.TryGetValue(path["/api/experiments/".Length..], out var json))
                return Answer(HttpStatusCode.OK, json);
            if (path.StartsWith("/api/runs/", StringComparison.Ordinal) && path.EndsWith("/events", StringComparison.Ordinal)
                && Runs.TryGetValue(path["/api/runs/".Length..^"/events".Length], out var events))
                return Answer(HttpStatusCode.OK, Ndjson(events));
            return Answer(HttpStatusCode.NotFound, """{"title":"not found"}""");
        }

        private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}

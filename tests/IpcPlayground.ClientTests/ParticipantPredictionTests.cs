using System.Net;
using System.Text;
using System.Text.Json;
using IpcPlayground.Client.Services;
using IpcPlayground.Client.Services.Runs;
using IpcPlayground.Client.Services.Workshops;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Workshops;
using Microsoft.AspNetCore.Components;

namespace IpcPlayground.ClientTests;

/// <summary>A participant's page and the room's prediction: one predicted run of their own per prediction, started in their run session.</summary>
public sealed class ParticipantPredictionTests : Bunit.BunitContext
{
    private static readonly DateTimeOffset Started = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
    private static readonly RoomPrediction EmptyPipe = new("pr1", "e1", "An empty pipe blocks its reader", false, Started);

    private readonly FakeRoomApi _server = new();
    private readonly RunSession _run;
    private readonly ParticipantPrediction _prediction;

    public ParticipantPredictionTests()
    {
        JSInterop.Mode = Bunit.JSRuntimeMode.Loose;
        var http = new HttpClient(_server) { BaseAddress = new Uri("http://localhost/") };
        var key = new WorkshopKey("ws1", "p.p1.SECRET");
        var runs = RunsClient.ForWorkshop(http, new HublessNavigation(),
            new HubAssemblies(new Microsoft.AspNetCore.Components.WebAssembly.Services.LazyAssemblyLoader(JSInterop.JSRuntime)), key);
        _run = new RunSession(runs);
        _prediction = new ParticipantPrediction(new RoomPredictionsClient(http, key), runs, _run);
    }

    private int RunsStarted => _server.Requests.Count(r => r == "POST /api/workshops/ws1/prediction/runs");

    [Fact]
    public async Task A_new_prediction_starts_one_predicted_run_with_the_participants_key_and_holding_it_starts_none()
    {
        _server.RunRefusal = (HttpStatusCode.TooManyRequests, """{"title":"Too many runs","status":429,"detail":"at most 1 run at a time"}""");
        await _prediction.ShowAsync(EmptyPipe, mayStart: true);

        Assert.Equal(1, RunsStarted);
        Assert.Equal("Bearer p.p1.SECRET", _server.Authorizations.Last());
        // The server's refusal shows in the run panel, as any start's would.
        Assert.Equal("at most 1 run at a time", _run.ServerErrors.Single().Message);
        Assert.Equal(["reader"], _prediction.Mine.Select(m => m.Process));

        await _prediction.ShowAsync(EmptyPipe with { Hold = true }, mayStart: true);
        Assert.True(_prediction.Current!.Hold);
        await _prediction.ShowCurrentAsync(mayStart: true);
        Assert.Equal(1, RunsStarted);

        await _prediction.ShowAsync(EmptyPipe with { PredictionId = "pr2" }, mayStart: false);
        Assert.Equal(1, RunsStarted);
        Assert.Equal("pr2", _prediction.Current!.PredictionId);

        await _prediction.ShowAsync(null, mayStart: true);
        Assert.Null(_prediction.Current);
    }

    [Fact]
    public async Task Joining_while_the_room_predicts_starts_the_participants_run_of_it()
    {
        _server.Aggregate = new PredictionAggregate("pr1", "e1", "An empty pipe blocks its reader", true, Started, []);
        _server.RunRefusal = (HttpStatusCode.Conflict, """{"title":"Workshop ended","status":409,"detail":"this workshop has ended"}""");

        await _prediction.ShowCurrentAsync(mayStart: true);

        Assert.Equal(1, RunsStarted);
        Assert.True(_prediction.Current!.Hold);
        Assert.Contains("GET /api/experiments/e1", _server.Requests);
    }

    [Fact]
    public async Task Before_any_prediction_nothing_is_started_and_nothing_is_said()
    {
        await _prediction.ShowCurrentAsync(mayStart: true);

        Assert.Null(_prediction.Current);
        Assert.Equal(0, RunsStarted);
        Assert.Null(_prediction.Unreachable);
    }

    private sealed class HublessNavigation : NavigationManager
    {
        public HublessNavigation() => Initialize("http://localhost/", "http://localhost/");
    }

    /// <summary>The room prediction API of workshop ws1, in memory; starting a run is refused, so no run hub is needed.</summary>
    private sealed class FakeRoomApi : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];
        public List<string?> Authorizations { get; } = [];
        public PredictionAggregate? Aggregate { get; set; }
        public (HttpStatusCode Status, string Body) RunRefusal { get; set; } = (HttpStatusCode.Conflict, """{"title":"refused"}""");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            Requests.Add($"{request.Method} {path}");
            Authorizations.Add(request.Headers.Authorization?.ToString());
            return Task.FromResult((request.Method.Method, path) switch
            {
                ("GET", "/api/workshops/ws1/prediction") => Aggregate is null
                    ? Reply(HttpStatusCode.NotFound, """{"title":"No prediction","status":404}""")
                    : Reply(HttpStatusCode.OK, JsonSerializer.Serialize(Aggregate, ContractsJsonContext.Default.PredictionAggregate)),
                ("POST", "/api/workshops/ws1/prediction/runs") => Reply(RunRefusal.Status, RunRefusal.Body),
                ("GET", "/api/workshops/ws1/prediction/mine") => Reply(HttpStatusCode.OK, JsonSerializer.Serialize<IReadOnlyList<MyPrediction>>(
                    [new MyPrediction("r1", "reader", "0", null, "read", "p", "outcome", "blocks", "blocks", true, null, Started)],
                    ContractsJsonContext.Default.IReadOnlyListMyPrediction)),
                ("GET", "/api/experiments/e1") => Reply(HttpStatusCode.OK, LessonLibrary.Get("pipe-empty-blocks").ExperimentJson),
                _ => Reply(HttpStatusCode.NotFound, """{"title":"not found"}"""),
            });
        }

        private static HttpResponseMessage Reply(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IpcPlayground.Contracts.Workshops;

namespace IpcPlayground.Testing.Workshops;

/// <summary>
/// A participant of a room prediction as a test or a benchmark simulates one: joined by code over HTTP on one server,
/// with their own predicted run of the room's experiment, followed on the run's NDJSON stream. Disposing stops the
/// run (if it still goes) and waits for its end.
/// </summary>
public sealed class PredictingParticipant : IAsyncDisposable
{
    private readonly HttpClient _http;
    private LiveEvents? _events;

    private PredictingParticipant(HttpClient http, JoinedWorkshop joined)
    {
        _http = http;
        Joined = joined;
        Predictions = new RoomPredictionApi(http, joined.Workshop.WorkshopId);
    }

    public JoinedWorkshop Joined { get; }
    public string Key => Joined.ParticipantKey;
    public RoomPredictionApi Predictions { get; }
    public string RunId { get; private set; } = "";
    public LiveEvents Events => _events ?? throw new InvalidOperationException("the participant has not started their run");

    public static async Task<PredictingParticipant> JoinAsync(Uri server, string joinCode, string name)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = TaskTimeouts.Default };
        try
        {
            var joined = await new WorkshopApi(http).JoinAsync(joinCode, name);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", joined.ParticipantKey);
            return new PredictingParticipant(http, joined);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>Starts their predicted run of the room's experiment and follows its events.</summary>
    public async Task StartRunAsync()
    {
        RunId = await Predictions.StartRunAsync(Key);
        _events = LiveEvents.Follow(_http, RunId);
    }

    /// <summary>The run's first question (of any step), or the first after <paramref name="skip"/> events.</summary>
    public Task<JsonObject> QuestionAsync(Func<JsonObject, bool>? match = null, int skip = 0) =>
        Events.WaitForAsync(e => e.Is("question") && (match?.Invoke(e) ?? true), skip);

    /// <summary>Answers <paramref name="question"/> (an event of their run) with <paramref name="choice"/>; the status code says whether it was taken.</summary>
    public async Task<HttpStatusCode> AnswerAsync(JsonObject question, string choice)
    {
        using var response = await Predictions.PostAnswerAsync(RunId, Key, question.Str("process")!, question.Str("about")!, choice,
            question.Str("step"), question["iteration"]?.GetValue<int>());
        return response.StatusCode;
    }

    /// <summary>The outcome event of the step <paramref name="question"/> asked about, once the real call has shown it.</summary>
    public Task<JsonObject> OutcomeAsync(JsonObject question) =>
        Events.WaitForAsync(e => e.Is("outcome", question.Str("process")) && e.Str("step") == question.Str("step") && e.Str("about") == question.Str("about")
            && e["iteration"]?.GetValue<int>() == question["iteration"]?.GetValue<int>());

    public async ValueTask DisposeAsync()
    {
        if (_events is not null)
        {
            if (!_events.Events.Any(e => e.Is("run-end")))
                using (await _http.PostAsync($"/api/runs/{RunId}/stop", null)) { }
            await _events.CompletionAsync();
            await _events.DisposeAsync();
        }
        _http.Dispose();
    }
}

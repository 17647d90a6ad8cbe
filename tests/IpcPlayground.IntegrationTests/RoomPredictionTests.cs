using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;
using Microsoft.AspNetCore.SignalR.Client;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// A workshop room predicts one experiment together: every participant runs it in predict mode in a real sandbox, and
/// the instructor's board counts the room's answers and what the kernels did. The lesson's first question is the
/// reader's read of the empty pipe, which blocks.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RoomPredictionTests(PlaygroundServer server)
{
    private const string Lesson = "pipe-empty-blocks";
    private readonly HttpClient _http = server.CreateLoopbackClient();

    private sealed record Room(CreatedWorkshop Created, string ExperimentId, RoomPredictionApi Predictions);

    private async Task<Room> CreateAsync()
    {
        var api = new WorkshopApi(_http);
        var created = await api.CreateAsync("Predicting pipes", new WorkshopExperimentSource(Lesson: Lesson));
        using var info = await api.GetAsync($"/api/workshops/{created.WorkshopId}", created.InstructorKey);
        var workshop = (await info.Content.ReadFromJsonAsync(ContractsJsonContext.Default.WorkshopInfo))!;
        return new Room(created, workshop.Experiments[0].ExperimentId, new RoomPredictionApi(_http, created.WorkshopId));
    }

    private static bool IsReadersRead(JsonObject question) =>
        question.Str("process") == "reader" && question.Str("step") == "0" && question.Str("op") == "read" && question.Str("about") == "outcome";

    [Fact]
    public async Task A_room_of_thirty_predicts_a_step_and_the_board_counts_their_answers_and_what_the_kernels_did()
    {
        var room = await CreateAsync();
        await using var instructor = await WorkshopConnection.OpenAsync(server.BaseAddress, room.Created.InstructorKey);
        var started = await room.Predictions.StartAsync(room.Created.InstructorKey, room.ExperimentId);
        Assert.Equal(LessonLibrary.Get(Lesson).Title.En, started.Title);
        Assert.False(started.Hold);
        await instructor.WaitForAsync<WorkshopConnection.PredictionMessage>(m => m.Prediction?.PredictionId == started.PredictionId);

        await using var participants = await PredictingRoom.JoinAsync([server.BaseAddress], room.Created.JoinCode, 30);
        await participants.StartRunsAsync();
        var questions = await participants.FirstQuestionsAsync();
        Assert.All(questions, q => Assert.True(IsReadersRead(q), q.ToJsonString()));
        await participants.AnswerAsync(questions, i => i < 20 ? "blocks" : "returns");

        // The board's tally once every answer and every outcome is in; then the same from the store, for either key.
        var tally = await instructor.WaitForAsync<PredictionTally>(t => t.Process == "reader" && t.Answered == 30 && t.Outcomes.Sum(o => o.Count) == 30);
        var choices = tally.Choices.ToDictionary(c => c.Choice, c => c.Count);
        Assert.Equal(20, choices["blocks"]);
        Assert.Equal(10, choices["returns"]);
        Assert.Equal(30, choices.Values.Sum());
        Assert.Equal(questions[0]["choices"]!.AsArray().Select(c => c!["choice"]!.GetValue<string>()), tally.Choices.Select(c => c.Choice));
        // What the real calls did: each run's reader slept in read(2) (its blocked event) and its outcome says so.
        var outcomes = await Task.WhenAll(participants.Participants.Select((p, i) => p.OutcomeAsync(questions[i])));
        Assert.All(participants.Participants, p => Assert.Contains(p.Events.Events, e => e.Is("blocked", "reader", "read")));
        Assert.Equal([new TalliedOutcome("blocks", outcomes.Count(o => o.Str("actual") == "blocks"))], tally.Outcomes);
        Assert.Equal(20, outcomes.Count(o => o["correct"]!.GetValue<bool>()));

        var aggregate = await room.Predictions.AggregateAsync(room.Created.InstructorKey);
        Assert.Equal(started.PredictionId, aggregate.PredictionId);
        var first = aggregate.Steps[0];
        Assert.Equal(("reader", "0", "read", "p", "outcome"), (first.Process, first.Step, first.Op, first.Object, first.About));
        Assert.True(PredictionSame(tally, first));
        Assert.True(PredictionSame(first, (await room.Predictions.AggregateAsync(participants.Participants[7].Key)).Steps[0]));

        // The board follows each participant's predicted run like any other of theirs.
        foreach (var p in participants.Participants)
            await instructor.WaitForAsync<ParticipantStatus>(s => s.ParticipantId == p.Joined.ParticipantId && s.Run?.RunId == p.RunId);
        AssertNoPredictionErrorsLogged();
    }

    [Fact]
    public async Task With_the_room_held_an_answered_step_waits_until_the_instructor_lets_it_go()
    {
        var room = await CreateAsync();
        await using var instructor = await WorkshopConnection.OpenAsync(server.BaseAddress, room.Created.InstructorKey);
        await room.Predictions.StartAsync(room.Created.InstructorKey, room.ExperimentId);
        await using var ada = await PredictingParticipant.JoinAsync(server.BaseAddress, room.Created.JoinCode, "Ada");
        await using var adaPage = await WorkshopConnection.OpenAsync(server.BaseAddress, ada.Key);
        await using var bob = await PredictingParticipant.JoinAsync(server.BaseAddress, room.Created.JoinCode, "Bob");
        // Ada's run starts before the instructor holds the room, Bob's after: both are held.
        await ada.StartRunAsync();
        var held = await room.Predictions.HoldAsync(room.Created.InstructorKey, hold: true);
        Assert.True(held.Hold);
        Assert.True((await adaPage.WaitForAsync<WorkshopConnection.PredictionMessage>(m => m.Prediction is { Hold: true })).Prediction!.Hold);
        await bob.StartRunAsync();

        var adaRead = await ada.QuestionAsync();
        var bobRead = await bob.QuestionAsync();
        Assert.Equal(HttpStatusCode.Accepted, await ada.AnswerAsync(adaRead, "blocks"));
        Assert.Equal(HttpStatusCode.Accepted, await bob.AnswerAsync(bobRead, "returns"));
        // The answer was taken and its step decided on before the 202: held, the reader has not been let go.
        Assert.Contains(server.Runs.Find(ada.RunId)!.Control.Held, p => p.Process == "reader");
        Assert.Contains(server.Runs.Find(bob.RunId)!.Control.Held, p => p.Process == "reader");
        Assert.DoesNotContain(ada.Events.Events, e => e.Is("blocked", "reader") || e.Is("outcome"));

        await room.Predictions.ReleaseAsync(room.Created.InstructorKey);
        Assert.Equal("blocks", (await ada.OutcomeAsync(adaRead)).Str("actual"));
        Assert.False((await bob.OutcomeAsync(bobRead))["correct"]!.GetValue<bool>());

        // Still held: the parent's write, asked once its sleep is over, waits again when answered.
        var adaWrite = await ada.QuestionAsync(q => q.Is("question", "parent", "write") && q.Str("about") == "outcome");
        var adaWakes = await ada.QuestionAsync(q => q.Is("question", "parent", "write") && q.Str("about") == "wakes");
        Assert.Equal(HttpStatusCode.Accepted, await ada.AnswerAsync(adaWrite, "returns"));
        Assert.Equal(HttpStatusCode.Accepted, await ada.AnswerAsync(adaWakes, "wakes:reader"));
        Assert.Contains(server.Runs.Find(ada.RunId)!.Control.Held, p => p.Process == "parent");

        Assert.False((await room.Predictions.HoldAsync(room.Created.InstructorKey, hold: false)).Hold);
        Assert.Equal("returns", (await ada.OutcomeAsync(adaWrite)).Str("actual"));
        await adaPage.WaitForAsync<WorkshopConnection.PredictionMessage>(m => m.Prediction is { Hold: false });
        AssertNoPredictionErrorsLogged();
    }

    [Fact]
    public async Task A_new_prediction_stops_the_runs_of_the_last_and_a_participant_who_starts_again_replaces_their_run()
    {
        var room = await CreateAsync();
        await using var instructor = await WorkshopConnection.OpenAsync(server.BaseAddress, room.Created.InstructorKey);
        var first = await room.Predictions.StartAsync(room.Created.InstructorKey, room.ExperimentId);
        await using var ada = await PredictingParticipant.JoinAsync(server.BaseAddress, room.Created.JoinCode, "Ada");
        await ada.StartRunAsync();
        var firstRun = ada.Events;
        Assert.Equal(HttpStatusCode.Accepted, await ada.AnswerAsync(await ada.QuestionAsync(), "blocks"));

        // Starting again (a reload, say) stops the run before and answers at once, though a participant runs one at a time.
        await ada.StartRunAsync();
        Assert.Equal("killed", (await firstRun.CompletionAsync())[^1].Str("status"));
        await firstRun.DisposeAsync();
        var again = await ada.QuestionAsync();
        Assert.Equal(HttpStatusCode.Accepted, await ada.AnswerAsync(again, "returns"));
        // Their latest answer replaces the one before: still one participant's answer, now judged by the new run.
        var counted = await instructor.WaitForAsync<PredictionTally>(t => t.Process == "reader" && t.Choices.Single(c => c.Choice == "returns").Count == 1
            && t.Outcomes.Sum(o => o.Count) == 1);
        Assert.Equal(1, counted.Answered);
        var mine = Assert.Single(await ada.Predictions.MineAsync(ada.Key));
        Assert.Equal((ada.RunId, "returns", "blocks", false), (mine.RunId, mine.Choice, mine.Actual, mine.Correct));

        var second = await room.Predictions.StartAsync(room.Created.InstructorKey, room.ExperimentId);
        Assert.NotEqual(first.PredictionId, second.PredictionId);
        await instructor.WaitForAsync<WorkshopConnection.PredictionMessage>(m => m.Prediction?.PredictionId == second.PredictionId);
        Assert.Equal("killed", (await ada.Events.CompletionAsync())[^1].Str("status"));
        var replaced = await room.Predictions.AggregateAsync(room.Created.InstructorKey);
        Assert.Equal(second.PredictionId, replaced.PredictionId);
        Assert.Empty(replaced.Steps);
        Assert.Empty(await ada.Predictions.MineAsync(ada.Key));
        AssertNoPredictionErrorsLogged();
    }

    [Fact]
    public async Task Answers_come_as_csv_for_the_instructor_and_as_their_own_list_for_each_participant_and_go_with_a_removed_participant()
    {
        var room = await CreateAsync();
        await using var instructor = await WorkshopConnection.OpenAsync(server.BaseAddress, room.Created.InstructorKey);
        var started = await room.Predictions.StartAsync(room.Created.InstructorKey, room.ExperimentId);
        await using var ann = await PredictingParticipant.JoinAsync(server.BaseAddress, room.Created.JoinCode, "Ann \"the pipe\", Jr");
        await using var eve = await PredictingParticipant.JoinAsync(server.BaseAddress, room.Created.JoinCode, "=1+1");
        await ann.StartRunAsync();
        await eve.StartRunAsync();
        var annRead = await ann.QuestionAsync();
        var eveRead = await eve.QuestionAsync();
        Assert.Equal(HttpStatusCode.Accepted, await ann.AnswerAsync(annRead, "blocks"));
        await ann.OutcomeAsync(annRead);
        Assert.Equal(HttpStatusCode.Accepted, await eve.AnswerAsync(eveRead, "returns"));
        await eve.OutcomeAsync(eveRead);
        await instructor.WaitForAsync<PredictionTally>(t => t.Process == "reader" && t.Answered == 2 && t.Outcomes.Sum(o => o.Count) == 2);

        using var csv = await room.Predictions.GetAsync(room.Created.InstructorKey, "/answers.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("participant,process,step,iteration,about,choice,actual,correct,answeredAt", rows[0]);
        // One row per answer, in the order they were recorded (each by its own run's follower: either may be first).
        Assert.Equal(3, rows.Length);
        var annRow = Assert.Single(rows, r => r.StartsWith("\"Ann \"\"the pipe\"\", Jr\",", StringComparison.Ordinal));
        Assert.StartsWith("\"Ann \"\"the pipe\"\", Jr\",reader,0,,outcome,blocks,blocks,true,", annRow, StringComparison.Ordinal);
        Assert.StartsWith("'=1+1,reader,0,,outcome,returns,blocks,false,", Assert.Single(rows, r => r.StartsWith("'=", StringComparison.Ordinal)), StringComparison.Ordinal);
        var answeredAt = rows[1..].Select(r => DateTimeOffset.Parse(r.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(answeredAt.Order(), answeredAt);

        var mine = Assert.Single(await ann.Predictions.MineAsync(ann.Key));
        Assert.Equal((ann.RunId, "reader", "0", "read", "p", "outcome", "blocks", "blocks", true),
            (mine.RunId, mine.Process, mine.Step, mine.Op, mine.Object, mine.About, mine.Choice, mine.Actual, mine.Correct));
        Assert.Null(mine.Iteration);
        Assert.Equal((await ann.OutcomeAsync(annRead)).Str("explanation"), mine.Explanation);
        Assert.False(string.IsNullOrEmpty(mine.Explanation));
        Assert.Equal("returns", Assert.Single(await eve.Predictions.MineAsync(eve.Key)).Choice);

        // A removed participant's answers go with them, and the board is told the room's count again.
        var beforeRemoval = instructor.Received.Count;
        await instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.RemoveParticipant), eve.Joined.ParticipantId).DefaultTimeout();
        var recounted = await instructor.WaitForAsync<PredictionTally>(t => t.Process == "reader" && t.Answered == 1, after: beforeRemoval);
        Assert.Equal([new TalliedOutcome("blocks", 1)], recounted.Outcomes);
        Assert.Equal(0, recounted.Choices.Single(c => c.Choice == "returns").Count);
        var left = (await room.Predictions.AggregateAsync(room.Created.InstructorKey)).Steps[0];
        Assert.Equal(1, left.Answered);
        Assert.Equal([1], left.Choices.Where(c => c.Count > 0).Select(c => c.Count));
        using var after = await room.Predictions.GetAsync(room.Created.InstructorKey, "/answers.csv");
        Assert.Equal(2, (await after.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(started.PredictionId, (await room.Predictions.AggregateAsync(ann.Key)).PredictionId);
        AssertNoPredictionErrorsLogged();
    }

    [Fact]
    public async Task Bad_requests_are_refused_by_json_path_roles_by_403_and_an_ended_workshop_by_409()
    {
        var room = await CreateAsync();
        var instructorKey = room.Created.InstructorKey;
        var participant = await new WorkshopApi(_http).JoinAsync(room.Created.JoinCode, "Ada");
        var key = participant.ParticipantKey;

        foreach (var who in (string[])[instructorKey, key])
            using (var none = await room.Predictions.GetAsync(who))
                Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        using (var noRun = await room.Predictions.PostRunAsync(key)) Assert.Equal(HttpStatusCode.NotFound, noRun.StatusCode);

        foreach (var (body, path) in ((string, string)[])[("{}", "experimentId"), ("""{"experimentId":"nothing-here"}""", "experimentId"),
                     ("""{"experimentId":5}""", "experimentId"), ("[]", "$")])
            using (var refused = await room.Predictions.PostStartAsync(instructorKey, body))
                await ValidationProblems.AssertNamesPathAsync(refused, body, path);
        await room.Predictions.StartAsync(instructorKey, room.ExperimentId);
        foreach (var body in (string[])["{}", """{"hold":"yes"}""", """{"hold":null}"""])
            using (var refused = await room.Predictions.PostHoldAsync(instructorKey, body))
                await ValidationProblems.AssertNamesPathAsync(refused, body, "hold");

        // A participant may not act for the instructor, nor the instructor run as a participant.
        HttpResponseMessage[] wrongRole =
        [
            await room.Predictions.PostStartAsync(key, $$"""{"experimentId":"{{room.ExperimentId}}"}"""),
            await room.Predictions.PostHoldAsync(key, """{"hold":true}"""),
            await room.Predictions.PostReleaseAsync(key),
            await room.Predictions.GetAsync(key, "/answers.csv"),
            await room.Predictions.PostRunAsync(instructorKey),
            await room.Predictions.GetAsync(instructorKey, "/mine"),
        ];
        foreach (var response in wrongRole)
            using (response)
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((await room.Predictions.AggregateAsync(key)).Hold);

        await using (var instructor = await WorkshopConnection.OpenAsync(server.BaseAddress, instructorKey))
            await instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.EndWorkshop)).DefaultTimeout();
        HttpResponseMessage[] ended =
        [
            await room.Predictions.PostStartAsync(instructorKey, $$"""{"experimentId":"{{room.ExperimentId}}"}"""),
            await room.Predictions.PostHoldAsync(instructorKey, """{"hold":true}"""),
            await room.Predictions.PostReleaseAsync(instructorKey),
            await room.Predictions.PostRunAsync(key),
        ];
        foreach (var response in ended)
            using (response)
            {
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        Assert.Equal(room.ExperimentId, (await room.Predictions.AggregateAsync(instructorKey)).ExperimentId);
    }

    /// <summary>Nothing of room predictions failed unseen (the server is shared: other tests' errors are theirs to check).</summary>
    private void AssertNoPredictionErrorsLogged()
    {
        var errors = server.LoggedErrors.Where(e => e.Contains("Prediction", StringComparison.Ordinal) || e.Contains("prediction", StringComparison.Ordinal)
            || e.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static bool PredictionSame(PredictionTally a, PredictionTally b) =>
        (a.Process, a.Step, a.Iteration, a.Op, a.Object, a.About, a.Answered) == (b.Process, b.Step, b.Iteration, b.Op, b.Object, b.About, b.Answered)
        && a.Choices.SequenceEqual(b.Choices) && a.Outcomes.SequenceEqual(b.Outcomes);
}

using System.Net;
using System.Text.Json.Nodes;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// Predict mode on real sandboxes: the server schedules the held steps, asks before the ones that can block or fail,
/// and the real call — not a model of it — decides whether the answer was right.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PredictModeTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    private static Func<JsonObject, bool> Asked(string process, string step, string about = "outcome") =>
        e => e.Is("question", process) && e.Str("step") == step && e.Str("about") == about;

    private static Func<JsonObject, bool> Told(string process, string step, string about = "outcome") =>
        e => e.Is("outcome", process) && e.Str("step") == step && e.Str("about") == about;

    /// <summary>Answers every question as <paramref name="choose"/> says (by process, step and about), until the run ends.</summary>
    private async Task<IReadOnlyList<JsonObject>> AnswerAllAsync(LiveEvents live, Func<JsonObject, string> choose)
    {
        var answered = 0;
        while (true)
        {
            var next = await live.WaitForAsync(e => e.Is("question") || e.Is("run-end"), answered);
            if (next.Is("run-end")) return await live.CompletionAsync();
            answered = live.Events.ToList().IndexOf(next) + 1;
            using var response = await _api.AnswerAsync(live.RunId, next.Str("process")!, next.Str("about")!, choose(next), next.Str("step"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_full_pipe_lesson_asks_at_the_blocking_write_and_the_real_call_judges_a_wrong_and_a_right_answer()
    {
        var runId = await _api.StartAsync(LessonLibrary.Get("pipe-full-blocks").ExperimentJson, mode: "predict");
        await using var live = _api.Follow(runId);
        // The writer's first write (65536 bytes into an empty 64 KiB pipe) is predicted to block: wrong. The second
        // ("one more" into the full pipe) is predicted to block: right.
        var events = await AnswerAllAsync(live, q => (q.Str("process"), q.Str("step"), q.Str("about")) switch
        {
            ("writer", "1", "outcome") => "blocks",
            ("writer", "3", "outcome") => "blocks",
            (_, _, "wakes") => "nobody",
            _ => "returns",
        });

        var fill = events.Single(Told("writer", "1"));
        Assert.Equal(("blocks", "returns", false), (fill.Str("choice"), fill.Str("actual"), fill["correct"]!.GetValue<bool>()));
        Assert.Equal("p held 0 of 65536 bytes, so 65536 more fit and write(2) returned at once", fill.Str("explanation"));

        var full = events.Single(Told("writer", "3"));
        Assert.Equal(("blocks", "blocks", true), (full.Str("choice"), full.Str("actual"), full["correct"]!.GetValue<bool>()));
        Assert.Equal("p held 65536 of 65536 bytes, too little room for 8 more, so write(2) slept until a reader made room", full.Str("explanation"));
        Assert.Equal("write-full", full.Str("reason"));

        // The verdict is the kernel's: the write did sleep (its blocked event) before it returned, and only after the reader read.
        var all = events.ToList();
        var asked = all.FindIndex(e => Asked("writer", "3")(e));
        var answer = all.FindIndex(e => e.Is("answer", "writer") && e.Str("step") == "3");
        var blocked = all.FindIndex(e => e.Is("blocked", "writer", "write") && e.Str("step") == "3");
        var returned = all.FindIndex(e => e.Is("syscall", "writer", "write") && e.Str("step") == "3");
        var drained = all.FindIndex(e => e.Is("syscall", "reader", "read"));
        Assert.True(asked >= 0 && asked < answer && answer < blocked && blocked < drained && drained < returned, $"question {asked}, answer {answer}, blocked {blocked}, read {drained}, write returned {returned}");
        Assert.Equal(["writer"], events[drained]["woke"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("completed", events[^1].Str("status"));

        var summary = await _api.SummaryAsync(runId);
        Assert.Equal("predict", summary.Str("mode"));
        var score = summary["predictions"]!.AsObject();
        Assert.Equal(score["asked"]!.GetValue<int>(), score["answered"]!.GetValue<int>());
        Assert.Equal(events.Count(e => e.Is("outcome") && e["correct"]?.GetValue<bool>() == true), score["correct"]!.GetValue<int>());

        // A replay shows the predictions as they were made.
        var replay = await _api.EventsAsync(runId);
        Assert.Equal(events.Where(e => e.Kind() is "question" or "answer" or "outcome").Select(e => e.ToJsonString()),
            replay.Where(e => e.Kind() is "question" or "answer" or "outcome").Select(e => e.ToJsonString()));
    }

    [Fact]
    public async Task An_empty_pipe_read_predicted_to_block_is_confirmed_with_the_writer_that_kept_it_open()
    {
        var runId = await _api.StartAsync(LessonLibrary.Get("pipe-empty-blocks").ExperimentJson, mode: "predict");
        await using var live = _api.Follow(runId);
        var question = await live.WaitForAsync(Asked("reader", "0"));
        Assert.Equal(["returns", "eof", "blocks", "fails:EBADF"], question["choices"]!.AsArray().Select(c => c!["choice"]!.GetValue<string>()));
        Assert.Equal("read(2)", question.Str("call"));

        using (var notOffered = await _api.AnswerAsync(runId, "reader", "outcome", "explodes"))
            await ValidationProblems.AssertNamesPathAsync(notOffered, "a choice not offered", "choice");
        using (var notAsked = await _api.AnswerAsync(runId, "reader", "wakes", "nobody"))
            await ValidationProblems.AssertNamesPathAsync(notAsked, "a question not asked", "about");
        using (var notOpen = await _api.AnswerAsync(runId, "parent", "outcome", "blocks"))
        {
            Assert.Equal(HttpStatusCode.Conflict, notOpen.StatusCode);
            Assert.Contains("process 'reader' before step 0", await notOpen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Conflict, await _api.StepAsync(runId, "reader"));

        using (var right = await _api.AnswerAsync(runId, "reader", "outcome", "blocks", step: "0"))
            Assert.Equal(HttpStatusCode.Accepted, right.StatusCode);
        var outcome = await live.WaitForAsync(Told("reader", "0"));
        Assert.Equal(("blocks", true), (outcome.Str("actual"), outcome["correct"]!.GetValue<bool>()));
        Assert.Equal("p held 0 bytes and a writer (parent) still held its write end, so read(2) slept", outcome.Str("explanation"));
        Assert.Equal("parent", outcome["facts"]!["writers"]!.GetValue<string>());

        using (var stopped = await _api.ControlAsync(runId, "stop")) Assert.Equal(HttpStatusCode.Accepted, stopped.StatusCode);
        var events = await live.CompletionAsync();
        Assert.Equal("killed", events[^1].Str("status"));
        using var late = await _api.AnswerAsync(runId, "parent", "outcome", "returns");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task A_run_not_in_predict_mode_takes_no_answers_and_an_unknown_mode_is_named()
    {
        var held = await _api.StartAsync(SampleExperiments.PipeByteStream, mode: "step");
        using (var answer = await _api.AnswerAsync(held, "parent", "outcome", "returns"))
        {
            Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
            Assert.Contains("predict", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (await _api.ControlAsync(held, "stop")) { }
        using var bogus = await _api.PostRunAsync(SampleExperiments.PipeByteStream, mode: "guess");
        await ValidationProblems.AssertNamesPathAsync(bogus, "an unknown mode", "mode");
        Assert.Contains("predict", await bogus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lesson_that_marks_its_steps_is_asked_only_about_those_and_a_message_of_another_type_wakes_nobody()
    {
        var runId = await _api.StartAsync(LessonLibrary.Get("predict-which-message-wakes").ExperimentJson, mode: "predict");
        await using var live = _api.Follow(runId);
        var events = await AnswerAllAsync(live, q => (q.Str("process"), q.Str("step"), q.Str("about")) switch
        {
            ("receiver", "0", _) => "blocks",
            ("sender", "1", "wakes") => "wakes:receiver",
            ("sender", "3", "wakes") => "wakes:receiver",
            ("receiver", "2", _) => "fails:ENOMSG",
            _ => "returns",
        });

        Assert.Equal([("receiver", "0", "outcome"), ("sender", "1", "outcome"), ("sender", "1", "wakes"), ("sender", "3", "outcome"), ("sender", "3", "wakes"),
            ("receiver", "1", "outcome"), ("receiver", "2", "outcome")],
            events.Where(e => e.Is("question")).Select(e => (e.Str("process"), e.Str("step"), e.Str("about"))));
        var told = events.Where(e => e.Is("outcome")).ToDictionary(e => (e.Str("process"), e.Str("step"), e.Str("about")), e => (e.Str("actual"), e["correct"]!.GetValue<bool>()));
        Assert.Equal(("blocks", true), told[("receiver", "0", "outcome")]);
        Assert.Equal(("nobody", false), told[("sender", "1", "wakes")]);
        Assert.Equal(("wakes:receiver", true), told[("sender", "3", "wakes")]);
        Assert.Equal(("returns", true), told[("receiver", "1", "outcome")]);
        Assert.Equal(("fails:ENOMSG", true), told[("receiver", "2", "outcome")]);
        Assert.Equal("msgrcv(2) failed with ENOMSG: No message of desired type",
            events.Single(e => e.Is("outcome", "receiver") && e.Str("step") == "2").Str("explanation"));
        Assert.Equal("completed", events[^1].Str("status"));
    }
}


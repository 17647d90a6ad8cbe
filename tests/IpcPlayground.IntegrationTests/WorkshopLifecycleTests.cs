using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;
using Microsoft.AspNetCore.SignalR.Client;

namespace IpcPlayground.IntegrationTests;

/// <summary>Creating and joining workshops with bad input, a full room, and a workshop that outlives its server.</summary>
public sealed class WorkshopLifecycleTests
{
    [Fact]
    public async Task A_bad_workshop_is_refused_with_each_problem_named_by_its_path()
    {
        await using var server = new PlaygroundServer();
        var api = new WorkshopApi(server.CreateLoopbackClient());
        using var response = await api.PostCreateAsync(new CreateWorkshopRequest(" ",
        [
            new WorkshopExperimentSource(Lesson: "no-such-lesson"),
            new WorkshopExperimentSource(Link: "/e/zzzzzzzzzz"),
            new WorkshopExperimentSource(Lesson: "sigchld", Link: "/e/zzzzzzzzzz"),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["experiments[0].lesson", "experiments[1].link", "experiments[2]", "title"], errors.Select(e => e.Key).Order());
        Assert.Contains("pipe-byte-stream", errors["experiments[0].lesson"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        using var none = await api.PostCreateAsync(new CreateWorkshopRequest("Empty", []));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("from 1 to 30 experiments", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_share_link_becomes_a_workshop_experiment_under_its_name()
    {
        await using var server = new PlaygroundServer();
        var http = server.CreateLoopbackClient();
        using var shared = await http.PostAsync("/api/experiments", new StringContent(SampleExperiments.BlockedRead, System.Text.Encoding.UTF8, "application/json"));
        var url = JsonNode.Parse(await shared.Content.ReadAsStringAsync())!["url"]!.GetValue<string>();

        var workshop = await new WorkshopApi(http).CreateAsync("Links", new WorkshopExperimentSource(Link: new Uri(server.BaseAddress, url).ToString()));
        var joined = await new WorkshopApi(http).JoinAsync(workshop.JoinCode, "Ada");

        Assert.Equal("An empty pipe blocks its reader", joined.Workshop.Experiments.Single().Title);
        Assert.Equal(url, $"/e/{joined.Workshop.Experiments[0].ExperimentId}");
        Assert.Equal($"/w/{workshop.WorkshopId}#key={workshop.InstructorKey}", workshop.InstructorUrl);
        Assert.Equal($"/join/{workshop.JoinCode}", workshop.JoinUrl);
    }

    [Fact]
    public async Task Joining_names_what_is_wrong_an_unknown_code_a_bad_name_or_a_full_room()
    {
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?> { ["Workshops:MaxParticipants"] = "2" });
        var api = new WorkshopApi(server.CreateLoopbackClient());
        var workshop = await api.CreateAsync("Small room", new WorkshopExperimentSource(Lesson: "pipe-byte-stream"));

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostJoinAsync("NOPE42", "Ada")).StatusCode);
        // The join page shows the room's title before a name is given, from the code alone, and nothing more.
        var http = server.CreateLoopbackClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/workshops/join/NOPE42")).StatusCode);
        var preview = await http.GetFromJsonAsync<WorkshopPreview>($"/api/workshops/join/{workshop.JoinCode.ToLowerInvariant()}");
        Assert.Equal(new WorkshopPreview("Small room", JoinOpen: true, Ended: false), preview);
        Assert.DoesNotContain("key", await http.GetStringAsync($"/api/workshops/join/{workshop.JoinCode}"), StringComparison.OrdinalIgnoreCase);
        foreach (var name in (string[])["", "   ", new string('x', 41), "tab\there"])
        {
            using var bad = await api.PostJoinAsync(workshop.JoinCode, name);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("\"name\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await api.JoinAsync(workshop.JoinCode, "Ada");
        await api.JoinAsync(workshop.JoinCode, "Bob");
        using var full = await api.PostJoinAsync(workshop.JoinCode, "Cleo");
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("already has 2 participants", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leaked_join_code_cannot_fill_a_room_in_a_burst_and_other_rooms_do_not_feel_it()
    {
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?> { ["Workshops:JoinsPerWorkshopPerMinute"] = "3" });
        var api = new WorkshopApi(server.CreateLoopbackClient());
        var flooded = await api.CreateAsync("Flooded", new WorkshopExperimentSource(Lesson: "pipe-byte-stream"));
        var other = await api.CreateAsync("Other", new WorkshopExperimentSource(Lesson: "pipe-byte-stream"));

        // Checked one join at a time: a burst of six at once lets exactly three in.
        var burst = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => api.PostJoinAsync(flooded.JoinCode, $"bot{i}")));
        Assert.Equal(3, burst.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var response in burst) response.Dispose();
        using var refused = await api.PostJoinAsync(flooded.JoinCode, "late");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Workshops:JoinsPerWorkshopPerMinute", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        Assert.Equal("Ada", (await api.JoinAsync(other.JoinCode, "Ada")).Name);
    }

    [Fact]
    public async Task A_workshop_its_participants_their_last_runs_and_the_spotlight_survive_a_restart()
    {
        using var data = new TemporaryDirectory();
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = data.Path };
        CreatedWorkshop workshop;
        JoinedWorkshop ada;
        string runId;
        await using (var first = PlaygroundServer.WithSettings(settings))
        {
            var api = new WorkshopApi(first.CreateLoopbackClient());
            workshop = await api.CreateAsync("Survives", new WorkshopExperimentSource(Lesson: "pipe-byte-stream"));
            ada = await api.JoinAsync(workshop.JoinCode, "Ada");
            await using var instructor = await WorkshopConnection.OpenAsync(first.BaseAddress, workshop.InstructorKey);
            await using var page = await WorkshopConnection.OpenAsync(first.BaseAddress, ada.ParticipantKey);
            runId = await api.StartRunAsync(workshop.WorkshopId, ada.ParticipantKey, SampleExperiments.PipeByteStream);
            await page.FollowToEndAsync(runId);
            await instructor.WaitForAsync<ParticipantStatus>(p => p.Run is { Status: RunStatuses.Completed });
            await instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.SetSpotlight), ada.ParticipantId).DefaultTimeout();
        }

        await using var second = PlaygroundServer.WithSettings(settings);
        var again = new WorkshopApi(second.CreateLoopbackClient());
        await using var board = await WorkshopConnection.OpenAsync(second.BaseAddress, workshop.InstructorKey);
        var state = await board.Workshop.InvokeAsync<WorkshopBoard>(nameof(IWorkshopHub.GetBoard)).DefaultTimeout();
        Assert.Equal("Survives", state.Workshop.Title);
        Assert.Equal(new Spotlight(ada.ParticipantId, "Ada", runId), state.Workshop.Spotlight);
        var row = Assert.Single(state.Participants);
        Assert.Equal(("Ada", false, runId, RunStatuses.Completed), (row.Name, row.Online, row.Run!.RunId, row.Run.Status));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/api/workshops/{workshop.WorkshopId}", ada.ParticipantKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/api/runs/{runId}/events", ada.ParticipantKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync($"/api/runs/{runId}/events", null)).StatusCode);
    }
}

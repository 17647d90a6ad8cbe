using System.Net;
using System.Net.Http.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace IpcPlayground.IntegrationTests;

/// <summary>An instructor and two participants, each a SignalR client with their own key, in one workshop.</summary>
[Collection(ServerCollection.Name)]
public sealed class WorkshopRoomTests(PlaygroundServer server) : IAsyncLifetime
{
    private readonly WorkshopApi _api = new(server.CreateLoopbackClient());
    private CreatedWorkshop _workshop = null!;
    private JoinedWorkshop _ada = null!, _bob = null!;
    private WorkshopConnection _instructor = null!, _adaPage = null!, _bobPage = null!;

    public async Task InitializeAsync()
    {
        _workshop = await _api.CreateAsync("Pipes, week 3", new WorkshopExperimentSource(Lesson: "pipe-byte-stream"),
            new WorkshopExperimentSource(Lesson: "pipe-empty-blocks"));
        _instructor = await WorkshopConnection.OpenAsync(server.BaseAddress, _workshop.InstructorKey);
        _ada = await _api.JoinAsync(_workshop.JoinCode, "Ada");
        _bob = await _api.JoinAsync(_workshop.JoinCode.ToLowerInvariant(), "  Bob ");
        _adaPage = await WorkshopConnection.OpenAsync(server.BaseAddress, _ada.ParticipantKey);
        _bobPage = await WorkshopConnection.OpenAsync(server.BaseAddress, _bob.ParticipantKey);
    }

    public async Task DisposeAsync()
    {
        await _instructor.DisposeAsync();
        await _adaPage.DisposeAsync();
        await _bobPage.DisposeAsync();
    }

    [Fact]
    public async Task The_board_lists_each_participant_online_with_the_experiment_they_report()
    {
        await _adaPage.Workshop.InvokeAsync(nameof(IWorkshopHub.ReportExperiment), "An empty pipe blocks its reader").DefaultTimeout();
        await _instructor.WaitForAsync<ParticipantStatus>(p => p.Name == "Ada" && p.Experiment == "An empty pipe blocks its reader");
        // A page's connection is open once the handshake is done; the server marks it online just after.
        await _instructor.WaitForAsync<ParticipantStatus>(p => p.Name == "Bob" && p.Online);

        var board = await _instructor.Workshop.InvokeAsync<WorkshopBoard>(nameof(IWorkshopHub.GetBoard)).DefaultTimeout();
        Assert.Equal(["Ada", "Bob"], board.Participants.Select(p => p.Name));
        Assert.All(board.Participants, p => Assert.True(p.Online));
        Assert.Equal("An empty pipe blocks its reader", board.Participants[0].Experiment);
        Assert.Equal(["Pipes, week 3"], [board.Workshop.Title]);
        Assert.Equal(2, board.Workshop.Experiments.Count);

        await _bobPage.DisposeAsync();
        await _instructor.WaitForAsync<ParticipantStatus>(p => p.Name == "Bob" && !p.Online);
        _bobPage = await WorkshopConnection.OpenAsync(server.BaseAddress, _bob.ParticipantKey);
        await _instructor.WaitForAsync<ParticipantStatus>(p => p.Name == "Bob" && p.Online);
    }

    [Fact]
    public async Task The_instructor_sees_a_participants_run_blocked_then_ended_as_a_deadlock_with_who_was_blocked()
    {
        var runId = await _api.StartRunAsync(_workshop.WorkshopId, _ada.ParticipantKey, SampleExperiments.PipeDeadlock);

        await _instructor.WaitForAsync<ParticipantStatus>(p => p.Run is { Status: RunStatuses.Running } run && run.RunId == runId);
        var deadlocked = await _instructor.WaitForAsync<ParticipantStatus>(p => p.Run is { Deadlocked: true } run && run.RunId == runId);
        Assert.Equal("Ada", deadlocked.Name);
        Assert.Equal(["child", "parent"], deadlocked.Run!.Blocked);
        var ended = await _instructor.WaitForAsync<ParticipantStatus>(p => p.Run is { } run && run.RunId == runId && run.Status != RunStatuses.Running);
        Assert.Equal(RunStatuses.Deadlock, ended.Run!.Status);
        Assert.True(ended.Run.Deadlocked);
        Assert.Equal(["child", "parent"], ended.Run.Blocked);

        var events = await _instructor.FollowToEndAsync(runId);
        Assert.Equal(2, events.OfType<BlockedEvent>().Select(e => e.Process).Distinct().Count());
        var board = await _instructor.Workshop.InvokeAsync<WorkshopBoard>(nameof(IWorkshopHub.GetBoard)).DefaultTimeout();
        Assert.Equal(RunStatuses.Deadlock, board.Participants.Single(p => p.Name == "Ada").Run!.Status);
    }

    [Fact]
    public async Task A_participant_cannot_read_or_stop_another_participants_run_unless_it_is_spotlighted()
    {
        var runId = await _api.StartRunAsync(_workshop.WorkshopId, _ada.ParticipantKey, SampleExperiments.BlockedRead);

        var refused = await Assert.ThrowsAsync<HubException>(() => _bobPage.Runs.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId).DefaultTimeout());
        Assert.Contains("unknown run", refused.Message, StringComparison.Ordinal);
        await using (var anonymous = WorkshopConnection.Build(server.BaseAddress, IRunHub.Path, null))
        {
            await anonymous.StartAsync().DefaultTimeout();
            await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId).DefaultTimeout());
        }
        foreach (var key in (string?[])[_bob.ParticipantKey, null])
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/runs/{runId}", key)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/runs/{runId}/events", key)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _api.PostAsync($"/api/runs/{runId}/stop", key)).StatusCode);
        }

        var own = await _adaPage.FollowToEndAsync(runId);
        Assert.Equal("wake up", own.OfType<SyscallEvent>().Single(e => e.Op == "read").Data);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/runs/{runId}/events", _workshop.InstructorKey)).StatusCode);
        // Finished and recorded, it is still hers alone.
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/runs/{runId}/export.json", _bob.ParticipantKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/runs/{runId}/export.json", _ada.ParticipantKey)).StatusCode);

        await _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.SetSpotlight), _ada.ParticipantId).DefaultTimeout();
        var spotlight = await _bobPage.WaitForAsync<WorkshopConnection.SpotlightMessage>(m => m.Spotlight?.ParticipantId == _ada.ParticipantId);
        Assert.Equal(("Ada", runId), (spotlight.Spotlight!.Name, spotlight.Spotlight.RunId));
        var seen = await _bobPage.FollowToEndAsync(runId);
        Assert.Equal(own.Select(e => e.Seq), seen.Select(e => e.Seq));
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/runs/{runId}/events", _bob.ParticipantKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/runs/{runId}/events", null)).StatusCode);

        // A new run of the spotlighted participant moves the room's spotlight to it.
        var next = await _api.StartRunAsync(_workshop.WorkshopId, _ada.ParticipantKey, SampleExperiments.PipeByteStream);
        await _bobPage.WaitForAsync<WorkshopConnection.SpotlightMessage>(m => m.Spotlight?.RunId == next);
        await _bobPage.FollowToEndAsync(next);

        await _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.SetSpotlight), (string?)null).DefaultTimeout();
        await _bobPage.WaitForAsync<WorkshopConnection.SpotlightMessage>(m => m.Spotlight is null);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/runs/{runId}/events", _bob.ParticipantKey)).StatusCode);
    }

    [Fact]
    public async Task A_participant_watching_a_spotlighted_run_stops_receiving_it_when_the_spotlight_moves_even_if_their_page_stays()
    {
        // Step mode holds Ada's run until she resumes it, so it is still going when the spotlight moves away.
        using var posted = await _api.PostRunAsync(_workshop.WorkshopId, _ada.ParticipantKey, SampleExperiments.BlockedRead, mode: "step").DefaultTimeout();
        var runId = (await posted.Content.ReadFromJsonAsync(ContractsJsonContext.Default.RunAccepted))!.RunId;
        await _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.SetSpotlight), _ada.ParticipantId).DefaultTimeout();
        await _bobPage.WaitForAsync<WorkshopConnection.SpotlightMessage>(m => m.Spotlight?.RunId == runId);
        await _bobPage.Runs.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId).DefaultTimeout();

        // Bob's page neither leaves the run nor follows the spotlight away: a modified page, or a slow one.
        await _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.SetSpotlight), _bob.ParticipantId).DefaultTimeout();
        await _bobPage.WaitForAsync<WorkshopConnection.SpotlightMessage>(m => m.Spotlight?.ParticipantId == _bob.ParticipantId);
        await _adaPage.Runs.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId).DefaultTimeout();
        using (var resumed = await _api.PostAsync($"/api/runs/{runId}/resume", _ada.ParticipantKey).DefaultTimeout())
            Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
        await _adaPage.WaitForAsync<WorkshopConnection.RunEventsMessage>(m => m.RunId == runId && m.Events.Any(e => e is RunEndEvent));
        // A round trip on Bob's run connection: whatever was sent to it before has arrived.
        await Assert.ThrowsAsync<HubException>(() => _bobPage.Runs.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId).DefaultTimeout());

        Assert.DoesNotContain(_bobPage.Received.OfType<WorkshopConnection.RunEventsMessage>(), m => m.RunId == runId && m.Events.Any(e => e is RunEndEvent));
    }

    [Fact]
    public async Task A_broadcast_reaches_every_participants_composer_with_the_stored_experiment()
    {
        var experiment = (await _instructor.Workshop.InvokeAsync<WorkshopInfo>(nameof(IWorkshopHub.GetWorkshop)).DefaultTimeout()).Experiments[1];
        await _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.Broadcast), experiment.ExperimentId).DefaultTimeout();

        foreach (var page in (WorkshopConnection[])[_adaPage, _bobPage])
        {
            var received = await page.WaitForAsync<BroadcastExperiment>(_ => true);
            Assert.Equal(experiment.Title, received.Title);
            var stored = await (await _api.GetAsync($"/api/experiments/{experiment.ExperimentId}", null)).Content.ReadAsStringAsync();
            Assert.Equal(stored, received.Json);
        }
        Assert.DoesNotContain(_instructor.Received, m => m is BroadcastExperiment);
    }

    [Fact]
    public async Task An_instructor_shows_the_room_a_measurement_with_the_machine_it_ran_on()
    {
        var measurements = new MeasurementApi(server.CreateLoopbackClient());
        var measurementId = await measurements.StartAsync("""{ "mechanisms": ["eventfd"], "sizes": [8], "pattern": "ping-pong", "reference": false }""");
        Assert.Equal("completed", (await measurements.EventsAsync(measurementId)).End().Str("status"));

        await _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.BroadcastMeasurement), measurementId).DefaultTimeout();

        foreach (var page in (WorkshopConnection[])[_adaPage, _bobPage])
        {
            var shown = await page.WaitForAsync<BroadcastMeasurement>(_ => true);
            Assert.Equal(measurementId, shown.MeasurementId);
            Assert.Equal("eventfd × 8 B (ping-pong, CPUs any)", shown.Title);
            Assert.Equal(Environment.ProcessorCount, shown.Cpus);
            Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), shown.Kernel);
        }
        Assert.DoesNotContain(_instructor.Received, m => m is BroadcastMeasurement);
        var unknown = await Assert.ThrowsAsync<HubException>(() => _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.BroadcastMeasurement), "nosuchmeasurement").DefaultTimeout());
        Assert.Contains("no measurement 'nosuchmeasurement'", unknown.Message);
    }

    [Fact]
    public async Task A_participant_calling_an_instructor_method_is_refused_and_nothing_changes()
    {
        var experimentId = (await _adaPage.Workshop.InvokeAsync<WorkshopInfo>(nameof(IWorkshopHub.GetWorkshop)).DefaultTimeout()).Experiments[0].ExperimentId;
        Task[] attempts =
        [
            _adaPage.Workshop.InvokeAsync<WorkshopBoard>(nameof(IWorkshopHub.GetBoard)),
            _adaPage.Workshop.InvokeAsync(nameof(IWorkshopHub.Broadcast), experimentId),
            _adaPage.Workshop.InvokeAsync(nameof(IWorkshopHub.BroadcastMeasurement), "any"),
            _adaPage.Workshop.InvokeAsync(nameof(IWorkshopHub.SetSpotlight), _ada.ParticipantId),
            _adaPage.Workshop.InvokeAsync(nameof(IWorkshopHub.SetJoinOpen), false),
            _adaPage.Workshop.InvokeAsync(nameof(IWorkshopHub.EndWorkshop)),
        ];
        foreach (var attempt in attempts)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => attempt.DefaultTimeout());
            Assert.Contains("unauthorized", refused.Message, StringComparison.OrdinalIgnoreCase);
        }
        var refusedReport = await Assert.ThrowsAsync<HubException>(() => _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.ReportExperiment), "x").DefaultTimeout());
        Assert.Contains("unauthorized", refusedReport.Message, StringComparison.OrdinalIgnoreCase);

        var workshop = await _bobPage.Workshop.InvokeAsync<WorkshopInfo>(nameof(IWorkshopHub.GetWorkshop)).DefaultTimeout();
        Assert.True(workshop.JoinOpen);
        Assert.False(workshop.Ended);
        Assert.Null(workshop.Spotlight);
        Assert.DoesNotContain(_bobPage.Received, m => m is BroadcastExperiment or BroadcastMeasurement or WorkshopConnection.SpotlightMessage or WorkshopInfo);
        Assert.Equal(HttpStatusCode.OK, (await _api.PostJoinAsync(_workshop.JoinCode, "Cleo")).StatusCode);
    }

    [Fact]
    public async Task Keys_act_only_in_their_own_workshop_and_a_guess_gives_nothing()
    {
        var other = await _api.CreateAsync("Another room", new WorkshopExperimentSource(Lesson: "sigchld"));

        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/workshops/{_workshop.WorkshopId}", _ada.ParticipantKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/workshops/{other.WorkshopId}", _ada.ParticipantKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/workshops/{other.WorkshopId}", _workshop.InstructorKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.GetAsync($"/api/workshops/{other.WorkshopId}", null)).StatusCode);
        var forged = $"i.{other.WorkshopId}.{new string('a', 26)}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.GetAsync($"/api/workshops/{other.WorkshopId}", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.GetAsync($"/api/workshops/{other.WorkshopId}", "not-a-key")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await _api.PostRunAsync(other.WorkshopId, _ada.ParticipantKey, SampleExperiments.PipeByteStream)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.PostRunAsync(_workshop.WorkshopId, _workshop.InstructorKey, SampleExperiments.PipeByteStream)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.PostRunAsync(_workshop.WorkshopId, null, SampleExperiments.PipeByteStream)).StatusCode);

        await using var forgedHub = WorkshopConnection.Build(server.BaseAddress, IWorkshopHub.Path, forged);
        await Assert.ThrowsAsync<HttpRequestException>(() => forgedHub.StartAsync().DefaultTimeout());
        await using var noKey = WorkshopConnection.Build(server.BaseAddress, IWorkshopHub.Path, null);
        await Assert.ThrowsAsync<HttpRequestException>(() => noKey.StartAsync().DefaultTimeout());
    }

    [Fact]
    public async Task A_participant_runs_one_at_a_time()
    {
        var first = await _api.StartRunAsync(_workshop.WorkshopId, _bob.ParticipantKey, SampleExperiments.BlockedRead);
        using var second = await _api.PostRunAsync(_workshop.WorkshopId, _bob.ParticipantKey, SampleExperiments.PipeByteStream);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Contains("1 run(s) going at once", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Whoever has seen the run end may start the next at once.
        await _bobPage.FollowToEndAsync(first);
        var next = await _api.StartRunAsync(_workshop.WorkshopId, _bob.ParticipantKey, SampleExperiments.PipeByteStream);
        await _bobPage.FollowToEndAsync(next);
        await _instructor.WaitForAsync<ParticipantStatus>(p => p.Run is { Status: RunStatuses.Completed } run && run.RunId == next);
        // Ada's quota is her own.
        Assert.NotEmpty(await _api.StartRunAsync(_workshop.WorkshopId, _ada.ParticipantKey, SampleExperiments.PipeByteStream));
    }

    [Fact]
    public async Task Closing_the_join_code_refuses_newcomers_and_ending_the_workshop_stops_runs_and_changes()
    {
        await _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.SetJoinOpen), false).DefaultTimeout();
        var closed = await _adaPage.WaitForAsync<WorkshopInfo>(w => !w.JoinOpen);
        Assert.False(closed.Ended);
        using var refused = await _api.PostJoinAsync(_workshop.JoinCode, "Late");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("closed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(await _api.StartRunAsync(_workshop.WorkshopId, _ada.ParticipantKey, SampleExperiments.PipeByteStream));

        await _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.EndWorkshop)).DefaultTimeout();
        Assert.True((await _bobPage.WaitForAsync<WorkshopInfo>(w => w.Ended)).Ended);
        using var run = await _api.PostRunAsync(_workshop.WorkshopId, _bob.ParticipantKey, SampleExperiments.PipeByteStream);
        Assert.Equal(HttpStatusCode.Forbidden, run.StatusCode);
        Assert.Contains("ended", await run.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await Assert.ThrowsAsync<HubException>(() => _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.SetJoinOpen), true).DefaultTimeout());
        Assert.Contains("ended", again.Message, StringComparison.Ordinal);
        Assert.True((await _instructor.Workshop.InvokeAsync<WorkshopBoard>(nameof(IWorkshopHub.GetBoard)).DefaultTimeout()).Workshop.Ended);
    }

    [Fact]
    public async Task The_instructor_removes_a_participant_whose_key_then_stops_working_and_whose_run_is_stopped()
    {
        using var started = await _api.PostRunAsync(_workshop.WorkshopId, _ada.ParticipantKey, SampleExperiments.PipeByteStream, mode: "step");
        var runId = (await started.Content.ReadFromJsonAsync(ContractsJsonContext.Default.RunAccepted))!.RunId;

        // Only the instructor may remove anyone.
        await Assert.ThrowsAsync<HubException>(() => _bobPage.Workshop.InvokeAsync(nameof(IWorkshopHub.RemoveParticipant), _ada.ParticipantId).DefaultTimeout());
        await _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.RemoveParticipant), _ada.ParticipantId).DefaultTimeout();

        await _instructor.WaitForAsync<WorkshopConnection.RemovedMessage>(m => m.ParticipantId == _ada.ParticipantId);
        await _adaPage.WaitForAsync<WorkshopConnection.RemovedMessage>(m => m.ParticipantId == _ada.ParticipantId);
        Assert.DoesNotContain(_bobPage.Received, m => m is WorkshopConnection.RemovedMessage);

        var events = await _instructor.FollowToEndAsync(runId);
        Assert.Equal("killed", Assert.IsType<RunEndEvent>(events[^1]).Status);
        var board = await _instructor.Workshop.InvokeAsync<WorkshopBoard>(nameof(IWorkshopHub.GetBoard)).DefaultTimeout();
        Assert.Equal(["Bob"], board.Participants.Select(p => p.Name));
        using (var refused = await _api.PostRunAsync(_workshop.WorkshopId, _ada.ParticipantKey, SampleExperiments.PipeByteStream))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await Assert.ThrowsAsync<HubException>(() => _instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.RemoveParticipant), _ada.ParticipantId).DefaultTimeout());

        // The connections Ada opened before are closed by the server, on both hubs; until then they may call nothing.
        for (var i = 0; i < 100 && (_adaPage.Workshop.State != HubConnectionState.Disconnected || _adaPage.Runs.State != HubConnectionState.Disconnected); i++)
            await Task.Delay(50);
        Assert.Equal(HubConnectionState.Disconnected, _adaPage.Workshop.State);
        Assert.Equal(HubConnectionState.Disconnected, _adaPage.Runs.State);
        Assert.Equal(HubConnectionState.Connected, _bobPage.Workshop.State);
    }
}

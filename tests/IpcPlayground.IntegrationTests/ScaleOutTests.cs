using System.Net;
using System.Net.Http.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;
using Microsoft.AspNetCore.SignalR.Client;
using static IpcPlayground.Testing.Workshops.WorkshopConnection;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// Two instances serve one workshop: the instructor on A, a participant on B. The run executes on B, where it was
/// received, and the instructor on A sees it on the board, follows it live and gets its snapshot.
/// </summary>
public sealed class ScaleOutTests(ScaleOutCluster cluster) : IClassFixture<ScaleOutCluster>
{
    private const string BlockingLesson = "pipe-empty-blocks";
    private const string SecondLesson = "pipe-byte-stream";

    private sealed record Room(CreatedWorkshop Created, JoinedWorkshop Participant);

    /// <summary>A workshop made on A and joined through B with the code A gave.</summary>
    private async Task<Room> OpenRoomAsync()
    {
        using var httpA = cluster.A.CreateLoopbackClient();
        using var httpB = cluster.B.CreateLoopbackClient();
        var created = await new WorkshopApi(httpA).CreateAsync("Scale-out",
            new WorkshopExperimentSource(Lesson: BlockingLesson), new WorkshopExperimentSource(Lesson: SecondLesson));
        return new Room(created, await new WorkshopApi(httpB).JoinAsync(created.JoinCode, "Ada"));
    }

    /// <summary>
    /// No error logged but one: EF Core (9 and later) logs the first migration's query of a missing
    /// __EFMigrationsHistory on a fresh PostgreSQL database as an error and then creates the table (npgsql/efcore.pg#3407).
    /// </summary>
    private void AssertNoErrorsLogged()
    {
        var errors = cluster.A.LoggedErrors.Concat(cluster.B.LoggedErrors)
            .Where(e => !(e.StartsWith("Microsoft.EntityFrameworkCore.Database.Command:", StringComparison.Ordinal) && e.Contains("FROM \"__EFMigrationsHistory\"", StringComparison.Ordinal)))
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_instructor_on_one_instance_watches_a_run_executing_on_the_other()
    {
        var room = await OpenRoomAsync();
        var key = room.Participant.ParticipantKey;
        await using var instructor = await OpenAsync(cluster.A.BaseAddress, room.Created.InstructorKey);
        using var httpB = cluster.B.CreateLoopbackClient();
        var participant = new WorkshopApi(httpB);

        // Step mode holds every process before its first step, so the instructor surely joins while the run is live.
        using var posted = await participant.PostRunAsync(room.Created.WorkshopId, key, LessonLibrary.Get(BlockingLesson).ExperimentJson, mode: "step").DefaultTimeout();
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var runId = (await posted.Content.ReadFromJsonAsync(ContractsJsonContext.Default.RunAccepted))!.RunId;
        await instructor.WaitForAsync<ParticipantStatus>(p => p.Run is { Status: RunStatuses.Running } run && run.RunId == runId);
        // The board shows the run as soon as it is accepted, maybe before its first event: the start comes in the
        // snapshot or live, never neither. A page opened later on A, while the run is held, gets it from the mirror.
        var snapshot = await instructor.Runs.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId).DefaultTimeout();
        if (!snapshot.Any(e => e is RunStartEvent))
            await instructor.WaitForAsync<RunEventsMessage>(m => m.RunId == runId && m.Events.Any(e => e is RunStartEvent));
        await using var laterPage = await OpenAsync(cluster.A.BaseAddress, room.Created.InstructorKey);
        var laterSnapshot = await laterPage.Runs.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId).DefaultTimeout();
        using (var resumed = await participant.PostAsync($"/api/runs/{runId}/resume", key).DefaultTimeout())
            Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
        await instructor.WaitForAsync<RunEventsMessage>(m => m.RunId == runId && m.Events.Any(e => e is RunEndEvent));
        var completed = await instructor.WaitForAsync<ParticipantStatus>(p => p.Run is { Status: RunStatuses.Completed } run && run.RunId == runId);
        using var recorded = await participant.GetAsync($"/api/runs/{runId}/events", key).DefaultTimeout();
        var recordedCount = (await recorded.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

        Assert.NotNull(cluster.B.Runs.Find(runId));
        Assert.Null(cluster.A.Runs.Find(runId));
        Assert.Contains(instructor.Received.OfType<ParticipantStatus>(), p => p.Run is { } run && run.RunId == runId && run.Blocked.Contains("reader"));
        Assert.Equal("Ada", completed.Name);
        Assert.Empty(completed.Run!.Blocked);
        var live = instructor.Received.OfType<RunEventsMessage>().Where(m => m.RunId == runId).SelectMany(m => m.Events).ToList();
        Assert.Contains(laterSnapshot, e => e is RunStartEvent);
        Assert.Contains(live, e => e is BlockedEvent { Process: "reader" });
        Assert.Equal(Enumerable.Range(1, recordedCount).Select(i => (long)i), snapshot.Concat(live).Select(e => e.Seq).Distinct().Order());
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task A_participant_removed_by_the_instructor_on_one_instance_loses_their_run_and_connection_on_the_other()
    {
        var room = await OpenRoomAsync();
        await using var instructor = await OpenAsync(cluster.A.BaseAddress, room.Created.InstructorKey);
        await using var participantPage = await OpenAsync(cluster.B.BaseAddress, room.Participant.ParticipantKey);
        using var httpB = cluster.B.CreateLoopbackClient();
        using var posted = await new WorkshopApi(httpB).PostRunAsync(room.Created.WorkshopId, room.Participant.ParticipantKey,
            LessonLibrary.Get(SecondLesson).ExperimentJson, mode: "step").DefaultTimeout();
        var runId = (await posted.Content.ReadFromJsonAsync(ContractsJsonContext.Default.RunAccepted))!.RunId;
        await instructor.WaitForAsync<ParticipantStatus>(p => p.Run is { Status: RunStatuses.Running } run && run.RunId == runId);

        await instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.RemoveParticipant), room.Participant.ParticipantId).DefaultTimeout();

        // The held run on B is stopped, and the participant's connection to B is closed, though the removal was on A.
        var events = await instructor.FollowToEndAsync(runId);
        Assert.Equal(RunStatuses.Killed, Assert.IsType<RunEndEvent>(events[^1]).Status);
        for (var i = 0; i < 100 && participantPage.Workshop.State != HubConnectionState.Disconnected; i++) await Task.Delay(50);
        Assert.Equal(HubConnectionState.Disconnected, participantPage.Workshop.State);
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task A_broadcast_from_one_instance_reaches_a_participant_on_the_other()
    {
        var room = await OpenRoomAsync();
        await using var instructor = await OpenAsync(cluster.A.BaseAddress, room.Created.InstructorKey);
        await using var participant = await OpenAsync(cluster.B.BaseAddress, room.Participant.ParticipantKey);
        var second = room.Participant.Workshop.Experiments[1];

        await instructor.Workshop.InvokeAsync(nameof(IWorkshopHub.Broadcast), second.ExperimentId).DefaultTimeout();
        var received = await participant.WaitForAsync<BroadcastExperiment>(b => b.ExperimentId == second.ExperimentId);

        Assert.Equal(LessonLibrary.Get(SecondLesson).Title.En, received.Title);
        Assert.Equal(LessonLibrary.Get(SecondLesson).ExperimentJson, received.Json);
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task A_workshop_created_on_one_instance_is_read_from_the_other()
    {
        var room = await OpenRoomAsync();
        using var httpB = cluster.B.CreateLoopbackClient();

        using var response = await new WorkshopApi(httpB).GetAsync($"/api/workshops/{room.Created.WorkshopId}", room.Created.InstructorKey).DefaultTimeout();
        var info = (await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.WorkshopInfo))!;

        Assert.Equal("Scale-out", info.Title);
        Assert.Equal(room.Created.JoinCode, info.JoinCode);
        Assert.Equal([LessonLibrary.Get(BlockingLesson).Title.En, LessonLibrary.Get(SecondLesson).Title.En], info.Experiments.Select(e => e.Title));
        AssertNoErrorsLogged();
    }
}

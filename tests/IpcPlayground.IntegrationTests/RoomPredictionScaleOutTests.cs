using System.Net.Http.Json;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// A room prediction served by two instances sharing Redis and PostgreSQL: half the room on each, each instance
/// running and recording its own participants' runs, and both counting the room alike from the shared store.
/// </summary>
public sealed class RoomPredictionScaleOutTests(ScaleOutCluster cluster) : IClassFixture<ScaleOutCluster>
{
    [Fact]
    public async Task Two_instances_count_a_room_of_thirty_alike_and_the_instructor_on_one_sees_the_answers_given_on_both()
    {
        using var httpA = cluster.A.CreateLoopbackClient();
        using var httpB = cluster.B.CreateLoopbackClient();
        var created = await new WorkshopApi(httpA).CreateAsync("Predicting, scaled out", new WorkshopExperimentSource(Lesson: "pipe-empty-blocks"));
        using var info = await new WorkshopApi(httpB).GetAsync($"/api/workshops/{created.WorkshopId}", created.InstructorKey);
        var experimentId = (await info.Content.ReadFromJsonAsync(ContractsJsonContext.Default.WorkshopInfo))!.Experiments[0].ExperimentId;
        await using var instructor = await WorkshopConnection.OpenAsync(cluster.A.BaseAddress, created.InstructorKey);
        var started = await new RoomPredictionApi(httpB, created.WorkshopId).StartAsync(created.InstructorKey, experimentId);
        await instructor.WaitForAsync<WorkshopConnection.PredictionMessage>(m => m.Prediction?.PredictionId == started.PredictionId);

        await using var room = await PredictingRoom.JoinAsync([cluster.A.BaseAddress, cluster.B.BaseAddress], created.JoinCode, 30);
        await room.StartRunsAsync();
        var questions = await room.FirstQuestionsAsync();
        await room.AnswerAsync(questions, i => i % 3 == 2 ? "returns" : "blocks");

        var tally = await instructor.WaitForAsync<PredictionTally>(t => t.Process == "reader" && t.Answered == 30 && t.Outcomes.Sum(o => o.Count) == 30);
        Assert.Equal(20, tally.Choices.Single(c => c.Choice == "blocks").Count);
        Assert.Equal(10, tally.Choices.Single(c => c.Choice == "returns").Count);
        Assert.Equal([new TalliedOutcome("blocks", 30)], tally.Outcomes);
        // Each instance ran (and recorded) the runs of the participants who came to it.
        Assert.All(room.Participants.Where((_, i) => i % 2 == 0), p => Assert.NotNull(cluster.A.Runs.Find(p.RunId)));
        Assert.All(room.Participants.Where((_, i) => i % 2 == 1), p => Assert.NotNull(cluster.B.Runs.Find(p.RunId)));

        var fromA = (await new RoomPredictionApi(httpA, created.WorkshopId).AggregateAsync(created.InstructorKey)).Steps[0];
        var fromB = (await new RoomPredictionApi(httpB, created.WorkshopId).AggregateAsync(room.Participants[1].Key)).Steps[0];
        foreach (var step in (PredictionTally[])[fromA, fromB])
        {
            Assert.Equal((tally.Process, tally.Step, tally.About, 30), (step.Process, step.Step, step.About, step.Answered));
            Assert.Equal(tally.Choices, step.Choices);
            Assert.Equal(tally.Outcomes, step.Outcomes);
        }
        // EF Core logs its first look for the migrations table of a fresh PostgreSQL database as an error (npgsql/efcore.pg#3407).
        var errors = cluster.A.LoggedErrors.Concat(cluster.B.LoggedErrors)
            .Where(e => !(e.StartsWith("Microsoft.EntityFrameworkCore.Database.Command:", StringComparison.Ordinal) && e.Contains("FROM \"__EFMigrationsHistory\"", StringComparison.Ordinal)))
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

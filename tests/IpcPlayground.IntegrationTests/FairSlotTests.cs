using System.Net;
using IpcPlayground.Contracts.Workshops;
using IpcPlayground.Testing;
using IpcPlayground.Testing.Workshops;

namespace IpcPlayground.IntegrationTests;

/// <summary>One person cannot take every run slot: workshop runs and runs held in step mode each have a share.</summary>
[Collection(AloneCollection.Name)]
public sealed class FairSlotTests
{
    [Fact]
    public async Task Sixteen_participants_from_one_address_holding_step_runs_leave_the_playground_its_slots()
    {
        // The defaults: 16 runs at once, of which workshops may take 12 and step mode 8.
        await using var server = PlaygroundServer.WithSettings(new Dictionary<string, string?>());
        var workshops = new WorkshopApi(server.CreateLoopbackClient());
        var created = await workshops.CreateAsync("room", new WorkshopExperimentSource(Lesson: "pipe-byte-stream"));
        var held = 0;
        for (var i = 0; i < 16; i++)
        {
            var participant = await workshops.JoinAsync(created.JoinCode, $"p{i}");
            using var response = await workshops.PostRunAsync(created.WorkshopId, participant.ParticipantKey, SampleExperiments.PipeByteStream, mode: "step");
            if (response.StatusCode == HttpStatusCode.Accepted) held++;
            else Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
        Assert.Equal(8, held);

        var api = new RunApi(server.CreateLoopbackClient());
        var events = await api.RunAsync(SampleExperiments.PipeByteStream);
        Assert.Equal("completed", events[^1].Str("status"));
    }
}

using System.Net;
using System.Text.Json.Nodes;

namespace IpcPlayground.Testing.Workshops;

/// <summary>
/// A room of <see cref="PredictingParticipant"/>s, joined round-robin across the servers (participant i on server
/// i mod n), each with their own predicted run of the room's experiment. Disposing stops every run.
/// </summary>
public sealed class PredictingRoom : IAsyncDisposable
{
    /// <summary>Joins and run starts at once: a real room's pages arrive spread over seconds.</summary>
    private const int AtOnce = 8;

    private readonly PredictingParticipant?[] _participants;

    private PredictingRoom(int size) => _participants = new PredictingParticipant?[size];

    public IReadOnlyList<PredictingParticipant> Participants => [.. _participants.OfType<PredictingParticipant>()];

    /// <summary>Joins <paramref name="size"/> participants named p0, p1 … by <paramref name="joinCode"/>.</summary>
    public static async Task<PredictingRoom> JoinAsync(IReadOnlyList<Uri> servers, string joinCode, int size)
    {
        var room = new PredictingRoom(size);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = AtOnce }, async (i, _) =>
                room._participants[i] = await PredictingParticipant.JoinAsync(servers[i % servers.Count], joinCode, $"p{i}"));
        }
        catch
        {
            await room.DisposeAsync();
            throw;
        }
        return room;
    }

    /// <summary>Everyone starts their predicted run of the room's experiment.</summary>
    public Task StartRunsAsync() =>
        Parallel.ForEachAsync(Participants, new ParallelOptions { MaxDegreeOfParallelism = AtOnce }, async (p, _) => await p.StartRunAsync());

    /// <summary>Everyone's first question, in participant order.</summary>
    public Task<JsonObject[]> FirstQuestionsAsync() => Task.WhenAll(Participants.Select(p => p.QuestionAsync()));

    /// <summary>Everyone answers their question at once, participant i with <paramref name="choiceOf"/>(i); each answer must be taken.</summary>
    public async Task AnswerAsync(IReadOnlyList<JsonObject> questions, Func<int, string> choiceOf)
    {
        var statuses = await Task.WhenAll(Participants.Select((p, i) => p.AnswerAsync(questions[i], choiceOf(i))));
        if (statuses.FirstOrDefault(s => s != HttpStatusCode.Accepted) is var refused && refused != default)
            throw new InvalidOperationException($"an answer was refused with {(int)refused}: {string.Join(", ", statuses.Select(s => (int)s))}");
    }

    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(_participants.OfType<PredictingParticipant>().Select(p => p.DisposeAsync().AsTask()));
}

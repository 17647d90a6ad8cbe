using System.Collections.Concurrent;
using IpcPlayground.Storage.Model;
using IpcPlayground.Storage.Workshops;

namespace IpcPlayground.Server.Workshops;

/// <summary>
/// The questions of room predictions as this instance knows them stored. A room meets each question in every run at
/// about the same moment: it is stored once per instance (the store keeps the first), not once per run, and read
/// once for all of its tallies. A question never changes once stored, so what is known here stays true; the memory
/// is let go now and then, and a question then costs one more look.
/// </summary>
public sealed class RoomQuestions(PredictionStore store)
{
    private const int MaxKnown = 10_000;

    private readonly ConcurrentDictionary<(string PredictionId, string QuestionKey), bool> _stored = new();
    private readonly ConcurrentDictionary<(string PredictionId, string QuestionKey), PredictionQuestionRecord> _read = new();

    /// <summary>Stores the question unless it is known stored; true when this was the first time any instance stored it.</summary>
    public async Task<bool> AddAsync(PredictionQuestionRecord question)
    {
        var key = (question.PredictionId, question.QuestionKey);
        if (_stored.ContainsKey(key)) return false;
        var first = await store.AddQuestionAsync(question, CancellationToken.None);
        Forget(_stored);
        _stored[key] = true;
        return first;
    }

    /// <summary>The question as stored (as the room first met it), or null if it is not stored.</summary>
    public async Task<PredictionQuestionRecord?> FindAsync(string predictionId, string questionKey)
    {
        if (_read.TryGetValue((predictionId, questionKey), out var known)) return known;
        if (await store.FindQuestionAsync(predictionId, questionKey, CancellationToken.None) is not { } stored) return null;
        Forget(_read);
        return _read.GetOrAdd((predictionId, questionKey), stored);
    }

    private static void Forget<T>(ConcurrentDictionary<(string, string), T> known)
    {
        if (known.Count >= MaxKnown) known.Clear();
    }
}

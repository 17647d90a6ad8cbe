using System.Text.Json;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Lessons;

namespace IpcPlayground.Client.Services.Gallery;

/// <summary>
/// A lesson's tags, read from its experiment: the object types it uses (pipe, sysv-msgq, …), its topic
/// (queue, semaphore, shared memory, socket; signal for signal ops) and the ops of its steps. The lesson files carry no tags of their own.
/// </summary>
public static class LessonTags
{
    public static IReadOnlyList<string> Of(Lesson lesson)
    {
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        var experiment = lesson.Experiment;
        if (experiment.TryGetProperty("objects", out var objects) && objects.ValueKind == JsonValueKind.Array)
            foreach (var obj in objects.EnumerateArray())
                if (obj.TryGetProperty("type", out var type) && type.GetString() is { } t)
                {
                    tags.Add(t);
                    if (Mechanisms.Named(t) is { } mechanism) tags.Add(Mechanisms.TagOf(mechanism.Topic));
                }
        if (experiment.TryGetProperty("processes", out var processes) && processes.ValueKind == JsonValueKind.Array)
            foreach (var process in processes.EnumerateArray())
                if (process.TryGetProperty("steps", out var steps)) AddOps(steps, tags);
        return [.. tags];
    }

    private static void AddOps(JsonElement steps, SortedSet<string> tags)
    {
        if (steps.ValueKind != JsonValueKind.Array) return;
        foreach (var step in steps.EnumerateArray())
        {
            if (step.TryGetProperty("op", out var op) && op.GetString() is { } o)
            {
                tags.Add(o);
                if (o is Ops.Signal or Ops.Handle or Ops.Block or Ops.WaitSignal or Ops.Fault) tags.Add(Ops.Signal); // a fault is answered with a signal
            }
            if (step.TryGetProperty("steps", out var inner)) AddOps(inner, tags);
        }
    }
}

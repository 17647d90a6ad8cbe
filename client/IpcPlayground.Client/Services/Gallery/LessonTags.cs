using System.Text.Json;
using IpcPlayground.Contracts.Lessons;

namespace IpcPlayground.Client.Services.Gallery;

/// <summary>
/// A lesson's tags, read from its experiment: the object types it uses (pipe, sysv-msgq, …), a family name for them
/// (queue, semaphore, shared memory, socket, signal) and the ops of its steps. The lesson files carry no tags of their own.
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
                    if (Family(t) is { } family) tags.Add(family);
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
                if (o is "signal" or "handle" or "block" or "waitSignal") tags.Add("signal");
            }
            if (step.TryGetProperty("steps", out var inner)) AddOps(inner, tags);
        }
    }

    private static string? Family(string type) => type switch
    {
        "sysv-msgq" or "posix-mq" => "queue",
        "sysv-sem" or "posix-sem" => "semaphore",
        "sysv-shm" or "posix-shm" => "shared memory",
        "unix-stream" or "unix-dgram" or "tcp" or "socketpair" => "socket",
        "pipe" or "fifo" => "pipe",
        _ => null,
    };
}

using System.Text;

namespace IpcPlayground.Contracts.Experiments;

/// <summary>
/// A step checked against the object it names: only the fields that apply to the object's type (the op's
/// <see cref="OpSpec.FieldObjectTypes"/>), an end the object has, a member the semaphore set has, bytes inside the segment.
/// </summary>
internal static class StepObjectRules
{
    /// <param name="definition">The object, or null when its own fields are in error (then its size and count are not trusted).</param>
    public static void Check(Step step, OpSpec spec, string objectType, ObjectDefinition? definition, string path, Action<string, string> error)
    {
        var misfits = step.SetFields().Where(f => !spec.FieldAppliesTo(f, objectType)).ToHashSet(StringComparer.Ordinal);
        foreach (var field in misfits)
            error($"{path}.{field}", $"{field} applies to {OneOf(spec.ObjectTypesOf(field)!)}; '{step.Object}' is a {objectType}");

        if (step.End is not null && spec.Takes("end") && !misfits.Contains("end") && !OpCatalog.EndsOf(objectType).Contains(step.End))
            error($"{path}.end", $"a {objectType}'s ends are " + string.Join(" and ", OpCatalog.EndsOf(objectType)));

        if (definition is null) return;
        if (objectType == ObjectTypes.SysvSem && spec.Takes("index"))
            CheckSemaphoreMember(step, definition, path, error);
        if (step.Offset is >= 0 && BytesTouched(step) is { } length)
            CheckInsideSegment(step, definition, step.Offset.Value, length, path, error);
    }

    private static void CheckSemaphoreMember(Step step, ObjectDefinition set, string path, Action<string, string> error)
    {
        var count = set.MemberCount;
        if (step.Index is { } index && index >= count)
            error($"{path}.index",
                $"index {index} is not a member of '{set.Id}', a sysv-sem of {count} (indices 0 to {count - 1})" + (set.Count is null && set.Initial?.PerMember is null ? $"; count defaults to {ObjectSizeDefaults.SemaphoreCount}" : ""));
    }

    /// <summary>The bytes a shared memory op reads or writes from its offset, or null when the step does not say (an error of its own).</summary>
    private static long? BytesTouched(Step step) => step.Op switch
    {
        Ops.Load => step.Length,
        Ops.Increment => 4,
        Ops.Store when step.Data is { } data => Encoding.UTF8.GetByteCount(data),
        Ops.Store when step.Int32 is not null => 4,
        Ops.Store => step.Size,
        _ => null,
    };

    private static void CheckInsideSegment(Step step, ObjectDefinition segment, long offset, long length, string path, Action<string, string> error)
    {
        var size = segment.Size ?? ObjectSizeDefaults.SharedMemoryBytes;
        if (offset + length > size)
            error($"{path}.offset",
                $"{step.Op} of {length} bytes at offset {offset} runs past the end of '{segment.Id}', a {segment.Type} of {size} bytes" +
                (segment.Size is null ? " (the default size)" : ""));
    }

    /// <summary>"a pipe", "a sysv-msgq or posix-mq", "a pipe, fifo or socketpair".</summary>
    private static string OneOf(IReadOnlyList<string> types) =>
        "a " + (types.Count == 1 ? types[0] : string.Join(", ", types.Take(types.Count - 1)) + " or " + types[^1]);
}

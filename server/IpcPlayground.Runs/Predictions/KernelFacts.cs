using System.Globalization;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Predictions;
using F = IpcPlayground.Contracts.Predictions.ExplanationFacts;

namespace IpcPlayground.Runs.Predictions;

/// <summary>
/// The kernel state a predicted step is reasoned from: the last <c>state</c> event of each object and of each process
/// (which ends it holds), as the run reported them. Read at the moment a question is asked, before the call.
/// </summary>
internal sealed class KernelFacts(IReadOnlyDictionary<string, string> objectTypes)
{
    private readonly Dictionary<string, ObjectKernelState> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProcessKernelState> _processes = new(StringComparer.Ordinal);

    public void Observe(StateEvent state)
    {
        if (state is { Object: { } objectId, State: ObjectKernelState o }) _objects[objectId] = o;
        else if (state is { Process: { } process, State: ProcessKernelState p }) _processes[process] = p;
    }

    public string? TypeOf(string? objectId) => objectId is null ? null : objectTypes.GetValueOrDefault(objectId);

    /// <summary>What the explanation may draw on for this step, as it stands now.</summary>
    public Dictionary<string, string> Before(StepEvent step, Step? definition, Func<string, bool> living)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { [F.Call] = SystemCalls.Of(step.Op!, TypeOf(step.Object)) };
        if (step.Object is { } objectId) facts[F.Object] = objectId;
        if (step.Target is { } target) facts[F.Target] = target;
        if (definition is { } d && (d.Size ?? (d.Data is { } data ? System.Text.Encoding.UTF8.GetByteCount(data) : null)) is { } size) facts[F.Size] = Number(size);
        switch (step.Object is null ? null : _objects.GetValueOrDefault(step.Object))
        {
            case StreamState stream:
                Add(facts, F.Buffered, stream.Buffered);
                Add(facts, F.Capacity, stream.Capacity);
                break;
            case SysvQueueState queue:
                Add(facts, F.Messages, queue.Messages);
                Add(facts, F.Bytes, queue.Bytes);
                Add(facts, F.MaxBytes, queue.MaxBytes);
                break;
            case PosixQueueState queue:
                Add(facts, F.Messages, queue.Messages);
                Add(facts, F.MaxMessages, queue.MaxMessages);
                break;
            case SysvSemaphoreState set when set.Values is { } values && (definition?.Index ?? 0) < values.Count:
                facts[F.Value] = Number(values[definition?.Index ?? 0]);
                break;
            case PosixSemaphoreState sem:
                Add(facts, F.Value, sem.Value);
                break;
            case EventFdState counter:
                Add(facts, F.Value, counter.Counter);
                break;
        }
        if (step.Object is { } id && TypeOf(id) is ObjectTypes.Pipe or ObjectTypes.Fifo)
            facts[F.Writers] = string.Join(", ", _processes.Where(p => living(p.Key) && p.Value.Fds is { } fds
                && fds.Any(fd => fd.Object == id && fd.End is "write" or null)).Select(p => p.Key).Order(StringComparer.Ordinal));
        return facts;
    }

    /// <summary>For a 4-byte <c>load</c>, the int32 at its offset as the last state showed it; for an eventfd, its counter.</summary>
    public long? LastValue(string? objectId, Step? definition)
    {
        switch (objectId is null ? null : _objects.GetValueOrDefault(objectId))
        {
            case EventFdState counter:
                return counter.Counter;
            case MemoryState { PreviewHex: { } hex } when definition is { Offset: { } offset, Length: 4 } && (offset + 4) * 2 <= hex.Length:
                var bytes = Convert.FromHexString(hex.AsSpan(offset * 2, 8));
                return BitConverter.ToInt32(bytes);
            default:
                return null;
        }
    }

    private static void Add(Dictionary<string, string> facts, string key, long? value)
    {
        if (value is { } v) facts[key] = Number(v);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

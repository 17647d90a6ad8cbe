using System.Globalization;
using System.Text;
using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Traces;

/// <summary>
/// Reads a run's events (as the public contract has them) into the normalised trace: each <c>syscall</c> a step, with
/// the kernel's view from the <c>state</c> event a <c>stat</c> step reported; <c>signal</c> events; <c>process-exit</c>;
/// <c>run-end</c>. An <c>error</c> event stands among its process's steps, where it interrupted them.
/// </summary>
public static class RunTraceReader
{
    public static ExperimentTrace Read(IReadOnlyList<RunEvent> events, Experiment experiment, TraceMask? mask = null)
    {
        var descriptorOpens = CProgramTraceReader.DescriptorOpensOf(experiment);
        var trace = new ExperimentTrace();
        var ordered = events.OrderBy(e => e.Seq).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            switch (ordered[i])
            {
                case SyscallEvent call when call.Process is { } process:
                    var step = Step(call);
                    if (call.Op == Ops.Stat && call.Result >= 0 && StateAfter(ordered, i, call) is { } state)
                        AddState(step, state);
                    mask?.Apply(process, step);
                    trace.Process(process).Steps.Add(step.Render(descriptorOpens.Contains(step.Subject)));
                    break;
                case SignalEvent { Process: { } process } signal:
                    trace.Process(process).Signals.Add($"{signal.Signal} {signal.Disposition}"
                        + (signal.Code is { } code ? $" code={code}" : "") + (signal.Sender is { } sender ? $" sender={sender}" : "")
                        + (signal.Value is { } value ? $" value={value}" : ""));
                    break;
                case OutputEvent { Process: { } process, Stream: { } stream } output:
                    trace.Process(process).AddOutput(stream, output.DataBase64 is { } base64 ? Convert.FromBase64String(base64) : Encoding.UTF8.GetBytes(output.Data ?? ""));
                    break;
                case ProcessExitEvent { Process: { } process } exit:
                    trace.Process(process).End = exit.Signal is { } name ? $"signal {name}" : $"code {exit.ExitCode}";
                    break;
                case ErrorEvent { Process: { } process } error:
                    trace.Process(process).Steps.Add($"error: {error.Message}");
                    break;
                case ErrorEvent error:
                    trace.RunNotes.Add($"error: {error.Message}");
                    break;
                case LimitEvent limit:
                    trace.RunNotes.Add($"limit {limit.Limit}: {limit.Message}");
                    break;
                case RunEndEvent end:
                    // The playground stops a deadlocked run at once; its C program, which cannot tell, waits for the
                    // timeout and kills what is left: the same end, sooner.
                    trace.Status = end.Status == RunStatuses.Deadlock ? RunStatuses.Timeout : end.Status;
                    break;
            }
        }
        return trace;
    }

    private static TraceStep Step(SyscallEvent call)
    {
        var result = call.Result ?? 0;
        var step = new TraceStep(call.Step ?? "?", call.Iteration, call.Op ?? "?", call.Object ?? call.Target ?? "-", result, call.Errno);
        var data = call.DataBase64 is { } base64 ? Convert.FromBase64String(base64) : call.Data is { } text ? Encoding.UTF8.GetBytes(text) : null;
        if (data is { Length: > 0 }) step.With("data", TraceData.Encode(data));
        step.With("value", call.Value);
        if (result >= 0)
        {
            step.With("type", call.Type);
            step.With("priority", call.Priority);
        }
        // The number differs (the worker holds descriptors of its own); that one came is what a C program sees too.
        if (call.Fd is not null) step.With("fd", "yes");
        if (call.Ready is { Count: > 0 } ready)
            step.With("ready", string.Join(',', ready.Select(r => $"{r.Object}:{string.Join('+', r.Events ?? [])}")));
        if (call.File is { } file)
            step.With("file", file.Type == Contracts.Events.FileTypes.Missing ? file.Type : $"{file.Type}:{file.Mode}:{file.Nlink}:{file.Size}");
        if (call.TermSignal is { } signal) step.With("exit", $"signal:{signal}");
        else if (call.ExitCode is { } code) step.With("exit", $"code:{code.ToString(CultureInfo.InvariantCulture)}");
        return step;
    }

    /// <summary>The state a stat step reported: its process's next state event for the object.</summary>
    private static KernelState? StateAfter(List<RunEvent> events, int index, SyscallEvent call)
    {
        for (var i = index + 1; i < events.Count; i++)
        {
            if (events[i] is StateEvent state && state.Process == call.Process && state.Object == call.Object) return state.State;
            if (events[i] is SyscallEvent next && next.Process == call.Process) return null;
        }
        return null;
    }

    /// <summary>
    /// The parts of the kernel's view that the C program prints too (what no other process can change meanwhile):
    /// a POSIX segment's size is the plan's, not a call's, so it is left out.
    /// </summary>
    private static void AddState(TraceStep step, KernelState state)
    {
        switch (state)
        {
            case StreamState stream:
                step.With("buffered", stream.Buffered);
                step.With("capacity", stream.Capacity);
                break;
            case SysvQueueState queue:
                step.With("messages", queue.Messages);
                step.With("bytes", queue.Bytes);
                break;
            case PosixQueueState queue:
                step.With("messages", queue.Messages);
                break;
            case SysvMemoryState memory:
                step.With("size", memory.Size);
                break;
            case SysvSemaphoreState set when set.Values is { } values:
                step.With("values", string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture))));
                break;
            case PosixSemaphoreState semaphore:
                step.With("value", semaphore.Value);
                break;
            case EventFdState counter:
                step.With("counter", counter.Counter);
                break;
        }
    }
}

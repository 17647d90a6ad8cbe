using System.Text;
using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Runs;

/// <summary>
/// The one place where the supervisor's frames become the public contract's events: absolute monotonic times become
/// run-relative <c>tNs</c>, signal numbers become names, bytes become text or base64.
/// </summary>
public sealed class FrameMapper(string runId, RunStartEvent start)
{
    private long _t0;

    /// <summary>The run-start event to emit, completed by the coordinator once the sandbox says what it enforces.</summary>
    public RunStartEvent Start { get; set; } = start;

    /// <summary>The event a frame becomes. Every frame of <see cref="IRunFrame"/> becomes one (a completeness test checks).</summary>
    public RunEvent Map(IRunFrame frame)
    {
        var f = (Frame)frame;
        if (frame is RunStartedFrame)
            _t0 = f.T;
        var t = Math.Max(0, f.T - _t0);
        RunEvent mapped = frame switch
        {
            RunStartedFrame r => Start with { Enforced = [.. Start.Enforced ?? [], .. r.Enforced ?? []] },
            ProcessStartedFrame s => new ProcessStartEvent { Parent = s.Parent },
            StepEndFrame e => Syscall(e),
            BlockedFrame b => new BlockedEvent
            {
                Op = b.Op, Object = b.Object, Target = b.Target, Step = b.Step, Iteration = b.Iteration, Call = b.Call,
                SinceNs = Math.Max(0, b.Since - _t0), Wchan = b.Wchan,
            },
            ProcessExitedFrame x => new ProcessExitEvent
            {
                ExitCode = x.ExitCode, Signal = x.Signal is { } s ? SignalNames.Name(s) : null, Core = x.Signal is { } c ? SignalNames.DumpsCore(c) : null, CpuNs = x.CpuNs,
            },
            FailureFrame failure => new ErrorEvent { Message = failure.Message },
            SignalFrame s => new SignalEvent
            {
                Signal = SignalNames.Name(s.Signal), Disposition = s.Disposition, Step = s.Step,
                Code = s.Code is { } code ? SignalCodes.Name(s.Signal, code) : null, Sender = s.Sender, Value = s.Value,
            },
            StateFrame s => new StateEvent { Object = s.Object, State = s.State },
            HeldFrame h => new PausedEvent { Op = h.Op, Object = h.Object, Target = h.Target, Step = h.Step, Iteration = h.Iteration, Phase = h.Phase },
            RunEndedFrame r => new RunEndEvent { Status = r.Status, Message = r.Message, Waits = r.Waits },
            OutputFrame o => Output(o),
            _ => throw new ArgumentOutOfRangeException(nameof(frame), frame.GetType().Name, "a frame to the server that no event stands for"),
        };
        var isRunLevel = frame is RunStartedFrame or RunEndedFrame;
        return mapped with
        {
            RunId = runId,
            TNs = t,
            Process = isRunLevel ? null : f.Process,
            Pid = isRunLevel || f.Pid == 0 ? null : f.Pid,
        };
    }

    private static SyscallEvent Syscall(StepEndFrame e)
    {
        var (text, base64) = Encode(e.Data);
        return new SyscallEvent
        {
            Op = e.Op, Object = e.Object, Target = e.Target, Step = e.Step, Iteration = e.Iteration,
            Result = e.Result, Errno = e.Errno, ErrnoText = e.ErrnoText, Data = text, DataBase64 = base64, Value = e.Value,
            Signal = e.Signal is { } signal ? SignalNames.Name(signal) : null, Type = e.MessageType, Priority = e.MessagePriority,
            ExitCode = e.ExitCode, TermSignal = e.TermSignal is { } s ? SignalNames.Name(s) : null,
            DurationNs = e.DurationNs, File = e.File, Path = e.Path, Ready = e.Ready, Fd = e.ReceivedFd, Woke = e.Woke,
        };
    }

    private static OutputEvent Output(OutputFrame o)
    {
        var (text, base64) = Encode(o.Data);
        return new OutputEvent { Stream = o.Stream, Data = text, DataBase64 = base64 };
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Valid UTF-8 travels as text; anything else as base64.</summary>
    public static (string? Text, string? Base64) Encode(byte[]? data)
    {
        if (data is null) return (null, null);
        try { return (StrictUtf8.GetString(data), null); }
        catch (DecoderFallbackException) { return (null, Convert.ToBase64String(data)); }
    }
}

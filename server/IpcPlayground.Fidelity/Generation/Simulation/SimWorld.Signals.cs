using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>kill(2), sigaction, sigprocmask and sigtimedwait, and what becomes of a signal in its target.</summary>
internal sealed partial class SimWorld
{
    internal const int Sigpipe = 13;
    private const int Sigkill = 9;
    private const int Sigstop = 19;

    /// <summary>SIGCHLD, SIGCONT, SIGURG and SIGWINCH: discarded by default.</summary>
    public static bool DefaultIsIgnore(int signal) => signal is 17 or 18 or 23 or 28;

    /// <summary>The faults, which the kernel dequeues before any other pending signal.</summary>
    private const ulong Synchronous = (1UL << 3) | (1UL << 4) | (1UL << 6) | (1UL << 7) | (1UL << 10) | (1UL << 30);

    private static int Number(string name) => SignalNames.Numbers[name];

    private static ulong SetOf(IEnumerable<string>? names) =>
        (names ?? []).Select(Number).Where(s => s is not (Sigkill or Sigstop)).Aggregate(0UL, (set, s) => set | SimProcess.Bit(s));

    private void SendSignal(SimProcess sender, Step step, SimOutcome outcome)
    {
        var target = _processes.GetValueOrDefault(step.Process!);
        if (target is null || !target.Started || target.Reaped) return; // ESRCH
        if (target.Dead)
        {
            outcome.Refuse("a signal to a zombie, whose end the sender cannot be sure of");
            return;
        }
        var signal = Number(step.Signal!);
        if (signal is 19 or 20 or 21 or 22)
        {
            outcome.Refuse("a stop signal");
            return;
        }
        if (signal == Sigkill)
        {
            Kill(sender, target, outcome);
            return;
        }
        if (target.Blocked is { WaitedSignals: var waited } && (waited & SimProcess.Bit(signal)) != 0 && !MarginElapsed)
        {
            // Whether the target is in sigtimedwait yet decides what its /proc status shows the sender.
            outcome.Refuse("a signal to a process that may or may not be in sigtimedwait for it yet");
            return;
        }
        if (target.Blocks(signal))
        {
            target.MakePending(signal);
            return;
        }
        switch (target.Dispositions[signal])
        {
            case SignalActions.Ignore:
                return;
            case SignalActions.Log when target == sender:
                Handled(target, signal); // the handler runs before kill returns
                return;
            case SignalActions.Log:
                Interrupt(target, signal, outcome);
                return;
            default:
                if (!DefaultIsIgnore(signal)) Kill(sender, target, outcome);
                return;
        }
    }

    /// <summary>
    /// A signal kills its target. Another process may be just past a call it has not reported yet (the one that handed
    /// the turn on): unless it never finished a step, or the generator slept the margin first, that report is a race.
    /// </summary>
    private void Kill(SimProcess sender, SimProcess target, SimOutcome outcome)
    {
        if (target != sender && target.Finished > 0 && !MarginElapsed)
        {
            outcome.Refuse("a process killed from outside may die before it reports its last step");
            return;
        }
        Die(target, outcome);
    }

    /// <summary>
    /// A handler runs in a process that waits in a call: a wait for a child or a sleep goes on after it, any other
    /// call returns EINTR — but only once the call is surely under way (the generator slept the margin first).
    /// </summary>
    private void Interrupt(SimProcess target, int signal, SimOutcome outcome)
    {
        if (target.Blocked is not { } call)
        {
            outcome.Refuse("a handled signal to a process that is not waiting in a call");
            return;
        }
        var restarts = Restarts(target, signal, call);
        Handled(target, signal);
        if (restarts) return;
        if (!MarginElapsed || call.On == TurnObject)
        {
            outcome.Refuse("a handled signal interrupts a call it may not be in yet");
            return;
        }
        target.Blocked = null;
        outcome.Woken.Add(target.Id);
    }

    /// <summary>Whether the call goes on after the signal's handler: a wait or a sleep always, most calls under SA_RESTART.</summary>
    internal static bool Restarts(SimProcess process, int signal, BlockedCall call) =>
        call.RestartsAfterHandler || (process.HandlerHas(signal, SignalFlags.Restart) && !call.NeverRestarts);

    /// <summary>A handler ran: under SA_RESETHAND the signal is back at its default for the next one.</summary>
    private static void Handled(SimProcess process, int signal)
    {
        if (process.HandlerHas(signal, SignalFlags.ResetHand)) process.Dispositions[signal] = SignalActions.Default;
    }

    /// <summary>The queue the generator passes the turn through: no signal may interrupt a wait in it.</summary>
    public string TurnObject { get; set; } = "turn";

    private static void Handle(SimProcess process, Step step, SimOutcome outcome)
    {
        var signal = Number(step.Signal!);
        if (signal is Sigkill or Sigstop) return; // EINVAL
        if (signal == Sigchld && step.Action == "log")
        {
            outcome.Refuse("a SIGCHLD handler interrupts whatever its process waits in when a child ends");
            return;
        }
        var action = step.Action ?? SignalActions.Default;
        process.Dispositions[signal] = action;
        process.HandlerFlags[signal] = step.Flags ?? [];
        if (action == SignalActions.Ignore || (action == SignalActions.Default && DefaultIsIgnore(signal))) process.DiscardPending(signal);
    }

    private void Mask(SimProcess process, Step step, SimOutcome outcome)
    {
        var set = SetOf(step.Signals);
        if (step.Op == Ops.Block)
        {
            process.Mask |= set;
            return;
        }
        process.Mask &= ~set;
        DeliverPending(process, outcome);
    }

    /// <summary>Pending signals the mask no longer blocks are delivered before sigprocmask returns: faults first, then by number.</summary>
    private void DeliverPending(SimProcess process, SimOutcome outcome)
    {
        while ((process.Pending & ~process.Mask) is var deliverable and not 0)
        {
            var signal = Next(deliverable);
            process.TakePending(signal);
            if (process.Dispositions[signal] == SignalActions.Default && !DefaultIsIgnore(signal))
            {
                Die(process, outcome);
                return;
            }
            if (process.Dispositions[signal] == SignalActions.Log) Handled(process, signal);
        }
    }

    private static int Next(ulong set)
    {
        if ((set & Synchronous) != 0) set &= Synchronous;
        return System.Numerics.BitOperations.TrailingZeroCount(set) + 1;
    }

    private static void WaitSignal(SimProcess process, Step step, SimOutcome outcome)
    {
        var set = SetOf(step.Signals);
        bool Take()
        {
            if ((process.Pending & set) == 0) return false;
            process.TakePending(Next(process.Pending & set));
            return true;
        }
        if (Take() || step.TimeoutMs is not null) return; // the signal, or EAGAIN once the timeout passed
        if ((set & ~process.Mask) != 0)
        {
            outcome.Refuse("waiting for a signal the process does not block");
            return;
        }
        outcome.Blocked = true;
        process.Blocked = new BlockedCall("signal", step, _ => Take()) { WaitedSignals = set, NeverRestarts = true };
    }

    /// <summary>
    /// A real fault: the kernel's signal kills the process — blocked or ignored, it is forced back to its default —
    /// unless a handler catches it. abort(3) dies after its handler too; a handler that returns from a hardware
    /// fault meets the same fault again, for ever, which the simulator does not follow.
    /// </summary>
    private void Fault(SimProcess process, Step step, SimOutcome outcome)
    {
        var signal = Number(FaultKinds.SignalOf(step.Kind!));
        if (process.Dispositions[signal] == SignalActions.Log && step.Kind != FaultKinds.Abort)
        {
            outcome.Refuse("a handler that returns from a fault meets the fault again");
            return;
        }
        Die(process, outcome);
    }

    /// <summary>
    /// A signal the kernel sends the calling thread itself (SIGPIPE on a write with no reader): held pending if
    /// blocked, else its disposition — a handler runs before the call returns, the default kills the actor.
    /// </summary>
    internal void RaiseInActor(SimProcess process, int signal, SimOutcome outcome)
    {
        if (process.Blocks(signal))
        {
            process.MakePending(signal);
            return;
        }
        if (process.Dispositions[signal] == SignalActions.Default) Die(process, outcome);
        else if (process.Dispositions[signal] == SignalActions.Log) Handled(process, signal);
    }
}

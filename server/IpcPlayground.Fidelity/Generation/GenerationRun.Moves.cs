using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Mechanisms;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Generation.Simulation.Objects;

namespace IpcPlayground.Fidelity.Generation;

/// <summary>The moves a process may make with the turn, and how a move is tried and taken back.</summary>
internal sealed partial class GenerationRun
{
    private readonly List<(string Actor, Step? Step, bool Margin)> _move = [];

    private SimProcess? Holder
    {
        get
        {
            var runnable = _world.Processes.Where(p => p.Runnable).ToList();
            return runnable.Count == 1 ? runnable[0] : null;
        }
    }

    private bool WaitsForTurn(SimProcess p) => p.Alive && p.Blocked?.On == ExperimentGenerator.TurnQueue;

    /// <summary>The one process that waits in a call of the experiment's own (not for its turn), if any.</summary>
    private SimProcess? Waiter => _world.Processes.FirstOrDefault(p => p.Alive && p.Blocked is not null && !WaitsForTurn(p));

    /// <summary>One move of the process that has the turn; false when none could be made.</summary>
    private bool Move(bool preferWaking)
    {
        if (Holder is not { } holder) return false;
        // An owner uses what it owns before anything else, so it is the nearest common ancestor of the users (the
        // process that makes a pipe) whatever its descendants do later.
        foreach (var owned in OwnedButUnused(holder.Id))
            if (!Apply([(holder.Id, new Step { Op = Ops.Stat, Object = owned }, false)]))
                throw new InvalidOperationException($"{holder.Id} could not stat {owned}, which it owns");
        for (var attempt = 0; attempt < 20; attempt++)
            if (Propose(holder, preferWaking) is { Count: > 0 } move && Apply(move)) return true;
        return false;
    }

    private List<string> OwnedButUnused(string process) =>
        _owners.Where(o => o.Value == process && !_scripts[process].Uses(o.Key)).Select(o => o.Key).ToList();

    private List<(string, Step?, bool)>? Propose(SimProcess holder, bool preferWaking)
    {
        var waiter = Waiter;
        if (waiter is not null && (preferWaking || choices.Chance(30))) return Wake(holder, waiter);
        // A descriptor passed to the holder is mostly received soon, before other bytes queue behind it.
        if (Touchable(holder).FirstOrDefault(o => _world.Object(o.Id!) is var model && (model.NextPassed(holder) is not null || model.BytesAheadOfPassed(holder) > 0)) is { } carrier && choices.Chance(60))
            return One(holder, ObjectStep(holder, carrier.Id));
        return choices.Below(100) switch
        {
            < 36 => One(holder, ObjectStep(holder)),
            < 46 => Pass(holder),
            < 53 => Spawn(holder),
            < 58 => WaitForChild(holder),
            < 63 => EndHere(holder),
            < 81 => SignalMove(holder),
            < 93 => waiter is null ? Blocking(holder) : null,
            < 97 => One(holder, Repeat(holder)),
            _ => One(holder, new Step { Op = Ops.Sleep, Ms = choices.Between(0, 10) }),
        };
    }

    private static List<(string, Step?, bool)>? One(SimProcess holder, Step? step) => step is null ? null : [(holder.Id, step, false)];

    /// <summary>The objects this process may name now, but the turn queue.</summary>
    private List<ObjectDefinition> Touchable(SimProcess holder) =>
        _objects.Where(o => o.Id != ExperimentGenerator.TurnQueue && MayTouch(holder, o.Id!)).ToList();

    private bool MayTouch(SimProcess holder, string objectId)
    {
        // An anonymous object reaches its owner's descendants, and a process a descriptor of it was passed to (not
        // that process's children: spawned with it, they would use it without receiving it, as no fork can here).
        if (_owners.TryGetValue(objectId, out var owner)) return IsDescendantOrSelf(holder.Id, owner) || _scripts[holder.Id].Receives(objectId);
        // A socket is bound by its binder from its start, but only if it accepts (receives) on it at all: until it
        // has, nobody else names it and the binder only accepts (receives).
        if (_binders.TryGetValue(objectId, out var binder) && !Established(objectId)) return holder.Id == binder;
        return true;
    }

    private bool IsDescendantOrSelf(string process, string ancestor)
    {
        for (string? p = process; p is not null; p = _declared.First(d => d.Id == p).Parent)
            if (p == ancestor) return true;
        return false;
    }

    private Step? ObjectStep(SimProcess holder, string? only = null)
    {
        var candidates = Touchable(holder).Where(o => only is null || o.Id == only).ToList();
        if (candidates.Count == 0) return null;
        if (only is null && choices.Chance(4) && PollStep(candidates) is { } poll) return poll;
        if (only is null && choices.Chance(10) && PassStep(holder, candidates) is { } pass) return pass;
        var obj = Weighted(candidates, o => Engagement(holder, o));
        var id = obj.Id!;
        if (_binders.TryGetValue(id, out var binder) && binder == holder.Id && !Established(id))
            return GeneratedMechanisms.Of(obj).Establish(id);
        return GeneratedMechanisms.Of(obj).Propose(obj, holder, _world, _propose);
    }

    /// <summary>A sendFd over a Unix socket the holder can send on, when it holds something to pass.</summary>
    private Step? PassStep(SimProcess holder, IReadOnlyList<ObjectDefinition> candidates)
    {
        var carriers = candidates.Where(o => _world.Object(o.Id!).Carries(_world, holder)).ToList();
        return carriers.Count == 0 ? null : GeneratedMechanism.PassingStep(choices.OneOf(carriers).Id!, holder, _world, _propose);
    }

    /// <summary>
    /// A poll that does not wait, over one or two objects whose readiness the turns fix (not TCP, whose bytes may
    /// still be on the loopback device, nor queues and datagram sockets, whose descriptors come and go with use).
    /// </summary>
    private Step? PollStep(IReadOnlyList<ObjectDefinition> candidates)
    {
        var pollable = candidates.Where(o => o.Mechanism!.Kind is ObjectKind.Pipe or ObjectKind.Fifo or ObjectKind.SocketPair or ObjectKind.UnixStream or ObjectKind.EventFd).ToList();
        if (pollable.Count == 0) return null;
        var watched = Enumerable.Range(0, Math.Min(pollable.Count, choices.Between(1, 2))).Select(_ => choices.OneOf(pollable)).DistinctBy(o => o.Id);
        return new Step
        {
            Op = Ops.Poll, TimeoutMs = 0,
            Objects = [.. watched.Select(o => new PollTarget { Object = o.Id, Events = choices.Below(3) switch { 0 => [PollEvents.In], 1 => [PollEvents.Out], _ => [PollEvents.In, PollEvents.Out] } })],
        };
    }

    private T Weighted<T>(IReadOnlyList<T> items, Func<T, int> weight)
    {
        var weights = items.Select(weight).ToList();
        var pick = choices.Below(weights.Sum());
        for (var i = 0; i < items.Count; i++)
            if ((pick -= weights[i]) < 0) return items[i];
        return items[^1];
    }

    /// <summary>
    /// How much the process has to do with an object: mostly what it holds and can use, now and then what it has
    /// closed or what is gone (those steps fail with EBADF, ENOENT, EINVAL, which is part of the lesson too).
    /// </summary>
    private int Engagement(SimProcess holder, ObjectDefinition obj) =>
        GeneratedMechanisms.Of(obj).Engagement(_world.Object(obj.Id!), holder);

    private List<(string, Step?, bool)>? Pass(SimProcess holder)
    {
        var waiting = _world.Processes.Where(p => p != holder && WaitsForTurn(p)).ToList();
        if (waiting.Count == 0) return null;
        var next = choices.OneOf(waiting);
        return [(holder.Id, GiveTurn(next.Id), false), (holder.Id, TakeTurn(holder.Id), false)];
    }

    private List<(string, Step?, bool)>? Spawn(SimProcess holder)
    {
        var children = _declared.Where(d => d.Parent == holder.Id && !_world.HasProcess(d.Id)).ToList();
        if (children.Count == 0) return null;
        var child = choices.OneOf(children).Id;
        return [(holder.Id, new Step { Op = Ops.Spawn, Process = child }, false), (child, TakeTurn(child), false)];
    }

    private List<(string, Step?, bool)>? WaitForChild(SimProcess holder)
    {
        var children = _declared.Where(d => d.Parent == holder.Id).Select(d => d.Id).ToList();
        if (children.Count == 0) return null;
        var child = choices.OneOf(children);
        var wait = new Step { Op = Ops.Wait, Process = child };
        if (!_world.HasProcess(child) || _world.Process(child).Dead) return [(holder.Id, wait, false)];
        // The child runs on while its parent waits; its end hands the turn back.
        return WaitsForTurn(_world.Process(child)) && Waiter is null ? [(holder.Id, GiveTurn(child), false), (holder.Id, wait, false)] : null;
    }

    /// <summary>The process ends (its script runs out, or exit), which only its waiting parent may notice.</summary>
    private List<(string, Step?, bool)>? EndHere(SimProcess holder)
    {
        if (holder.Parent is not { } parent || _world.Process(parent).Blocked?.On != "child:" + holder.Id) return null;
        return choices.Chance(50) ? [(holder.Id, null, false)]
            // Now and then the end is a real fault, which the kernel answers with its signal.
            : choices.Chance(20) ? [(holder.Id, new Step { Op = Ops.Fault, Kind = choices.OneOf(FaultKinds.All) }, false)]
            // or a program exec'd on a pipe's read end (or on nothing): it reads what is there and exits.
            : choices.Chance(30) ? [(holder.Id, ExecStep(holder), false)]
            : [(holder.Id, new Step { Op = Ops.Exit, Code = choices.Between(0, 5) }, false)];
    }

    /// <summary>Programs whose output and exit depend only on what they read, all of it (none stops early).</summary>
    private static readonly string[][] Programs = [["cat"], ["wc", "-c"], ["tr", "a-z", "A-Z"], ["sort"], ["uniq"], ["grep", "-c", "a"]];

    /// <summary>An exec with standard input a pipe's or FIFO's read end the holder has (most often), or none.</summary>
    private Step ExecStep(SimProcess holder)
    {
        var program = choices.OneOf(Programs);
        // Never a pipe the process can write to itself: the program would wait for ever for its end.
        var readable = holder.Fds.Where(f => f.Value is PipeEnd { CanRead: true } input && f.Key.EndsWith(".read", StringComparison.Ordinal)
                && !holder.AllDescriptions.OfType<PipeEnd>().Any(e => e.Buffer == input.Buffer && e.CanWrite))
            .Select(f => f.Key[..^".read".Length]).Where(id => MayTouch(holder, id)).Order(StringComparer.Ordinal).ToList();
        var stdin = readable.Count > 0 && choices.Chance(85) ? new DescriptorRef { Object = choices.OneOf(readable), End = "read" } : null;
        return new Step { Op = Ops.Exec, Program = program[0], Args = program.Length > 1 ? program[1..] : null, Stdin = stdin };
    }

    /// <summary>A signal step; with a timing margin, a signal to another process may come after a sleep of it (so it may kill).</summary>
    private List<(string, Step?, bool)>? SignalMove(SimProcess holder)
    {
        var step = SignalStep(holder);
        if (step is { Op: Ops.Signal } && step.Process != holder.Id && options.TimingMarginMs > 0 && choices.Chance(50))
            return [(holder.Id, new Step { Op = Ops.Sleep, Ms = options.TimingMarginMs }, false), (holder.Id, step, true)];
        return One(holder, step);
    }

    private Step? SignalStep(SimProcess holder)
    {
        // A signal held pending is there to be taken: by sigtimedwait, or by unblocking it.
        if (holder.Pending != 0 && choices.Chance(50))
        {
            var pending = SignalNames.Name(System.Numerics.BitOperations.TrailingZeroCount(holder.Pending) + 1);
            return choices.Chance(60)
                ? new Step { Op = Ops.WaitSignal, Signals = [pending, .. _propose.SomeSignals()], TimeoutMs = choices.Chance(50) ? null : choices.Between(0, 20) }
                : new Step { Op = Ops.Unblock, Signals = [pending] };
        }
        switch (choices.Below(20))
        {
            case < 4:
                // SIGPIPE now and then, so a write with no reader fails with EPIPE instead of killing the writer.
                var signal = choices.Chance(25) ? "SIGPIPE" : _propose.Signal();
                var action = choices.OneOf(SignalActions.All);
                return new Step { Op = Ops.Handle, Signal = signal, Action = action, Flags = action == SignalActions.Log ? _propose.HandlerFlags() : null };
            case < 7:
                return new Step { Op = Ops.Block, Signals = _propose.SomeSignals() };
            case < 9:
                return new Step { Op = Ops.Unblock, Signals = _propose.SomeSignals() };
            case < 17:
                // A signal the sender blocks or handles itself, often: held pending, merged, handled, taken.
                var targets = _declared.Select(d => d.Id).ToList();
                var target = choices.Chance(50) ? holder.Id : choices.OneOf(targets);
                var own = SignalNames.All.Where(s => holder.Blocks(s) || holder.Dispositions[s] != SignalActions.Default).ToList();
                var name = target == holder.Id && own.Count > 0 && choices.Chance(60) ? SignalNames.Name(choices.OneOf(own)) : _propose.Signal();
                return new Step { Op = Ops.Signal, Process = target, Signal = name, Value = _propose.SignalValue() };
            default:
                return new Step { Op = Ops.WaitSignal, Signals = _propose.SomeSignals(), TimeoutMs = choices.Between(0, 20) };
        }
    }

    /// <summary>A step that waits: the turn is handed on first, and the move stands only if the step does wait.</summary>
    private List<(string, Step?, bool)>? Blocking(SimProcess holder)
    {
        var waiting = _world.Processes.Where(p => p != holder && WaitsForTurn(p)).ToList();
        if (waiting.Count == 0) return null;
        var sysv = Touchable(holder).Where(o => GeneratedMechanisms.Of(o).RemovalFailsWaiters).ToList();
        var step = choices.Chance(15) ? new Step { Op = Ops.WaitSignal, Signals = _propose.SomeSignals() }
            // With a timing margin, waits in System V queues and sets, which a removal can fail (EIDRM).
            : options.TimingMarginMs > 0 && sysv.Count > 0 && choices.Chance(30) ? SysvWait(choices.OneOf(sysv))
            : ObjectStep(holder);
        if (step is null) return null;
        _mustBlock = true;
        List<(string, Step?, bool)> move = [(holder.Id, GiveTurn(choices.OneOf(waiting).Id), false), (holder.Id, step, false)];
        // With a timing margin, the waiting call may be interrupted later: give it a handler to be interrupted by.
        if (options.TimingMarginMs > 0 && choices.Chance(30))
            move.Insert(0, (holder.Id, new Step { Op = Ops.Handle, Signal = choices.OneOf(["SIGUSR1", "SIGUSR2", "SIGALRM"]), Action = SignalActions.Log }, false));
        return move;
    }

    private bool _mustBlock;

    private Step SysvWait(ObjectDefinition obj) => GeneratedMechanisms.Of(obj).WaitForRemoval(obj, choices);

    private Step? Repeat(SimProcess holder)
    {
        var steps = new List<Step>();
        for (var i = choices.Between(1, 3); i > 0; i--)
            if ((choices.Chance(70) ? ObjectStep(holder) : SignalStep(holder)) is { Op: not (Ops.Signal or Ops.WaitSignal) } step) steps.Add(step);
        return steps.Count == 0 ? null : new Step { Op = Ops.Repeat, Times = choices.Between(2, 3), Steps = steps };
    }

    /// <summary>A move that lets the waiting process's call finish: the step it waits for, or the end of the child it waits for.</summary>
    private List<(string, Step?, bool)>? Wake(SimProcess holder, SimProcess waiter)
    {
        var call = waiter.Blocked!;
        if (options.TimingMarginMs > 0 && choices.Chance(25) && Interrupting(holder, waiter) is { } interrupt) return interrupt;
        if (call.On.StartsWith("child:", StringComparison.Ordinal))
        {
            var child = call.On["child:".Length..];
            if (child == holder.Id) return EndHere(holder);
            return WaitsForTurn(_world.Process(child)) ? [(holder.Id, GiveTurn(child), false), (holder.Id, TakeTurn(holder.Id), false)] : Pass(holder);
        }
        if (_objects.Any(o => o.Id == call.On) && MayTouch(holder, call.On) && choices.Chance(75)) return One(holder, ObjectStep(holder, only: call.On));
        return Pass(holder);
    }

    /// <summary>
    /// After a sleep of the timing margin, so the waiter is surely in its call: a signal it handles interrupts the
    /// call (EINTR), one it waits for ends its sigtimedwait, the removal of its System V queue or set fails it (EIDRM).
    /// </summary>
    private List<(string, Step?, bool)>? Interrupting(SimProcess holder, SimProcess waiter)
    {
        var call = waiter.Blocked!;
        var sleep = (holder.Id, (Step?)new Step { Op = Ops.Sleep, Ms = options.TimingMarginMs }, false);
        if (call.WaitedSignals != 0)
        {
            var signal = SignalNames.Name(System.Numerics.BitOperations.TrailingZeroCount(call.WaitedSignals) + 1);
            return [sleep, (holder.Id, new Step { Op = Ops.Signal, Process = waiter.Id, Signal = signal }, true)];
        }
        if (_objects.FirstOrDefault(o => o.Id == call.On) is { } sysv && GeneratedMechanisms.Of(sysv).RemovalFailsWaiters && choices.Chance(50))
            return [sleep, (holder.Id, new Step { Op = Ops.Remove, Object = sysv.Id }, true)];
        var handled = SignalNames.All
            .Where(s => waiter.Dispositions[s] == SignalActions.Log && !waiter.Blocks(s) && !SimWorld.Restarts(waiter, s, call)).ToList();
        if (handled.Count == 0) return null;
        return [sleep, (holder.Id, new Step { Op = Ops.Signal, Process = waiter.Id, Signal = SignalNames.Name(choices.OneOf(handled)) }, true)];
    }

    /// <summary>
    /// Tries a move in the simulated world and keeps it if every step's outcome is certain and the turn stays with
    /// exactly one process; else takes it back. A process whose step let another's call finish then waits for its
    /// turn, and a child killed by its parent's signal is waited for at once.
    /// </summary>
    private bool Apply(List<(string Actor, Step? Step, bool Margin)> move)
    {
        var mustBlock = _mustBlock;
        _mustBlock = false;
        var mark = Mark();
        var waiterBefore = Waiter is { Blocked.On: var on } w ? (w.Id, on) : default((string Id, string On)?);
        var died = new List<string>();
        var touched = new List<(string Actor, Step Step)>();
        bool Run(string actor, Step? step, bool margin)
        {
            _world.MarginElapsed = margin;
            var outcome = step is null ? _world.End(actor) : _world.Execute(actor, step);
            _world.MarginElapsed = false;
            _history.Add((actor, step, margin));
            if (step is not null)
            {
                _scripts[actor].Append(step);
                touched.Add((actor, step));
            }
            died.AddRange(outcome.Died);
            _racy.AddRange(outcome.Racy);
            return outcome.Unpredictable is null && (!mustBlock || !ReferenceEquals(step, move[^1].Step) || outcome.Blocked);
        }

        var ok = move.All(m => Run(m.Actor, m.Step, m.Margin));
        var actor = move[0].Actor;
        if (ok)
        {
            foreach (var child in died.Distinct().Where(d => _world.Process(d) is { Reaped: false, Parent: var p } && p == actor).ToList())
                if (_world.Process(actor).Runnable) ok &= Run(actor, new Step { Op = Ops.Wait, Process = child }, false);
            if (ok && _turns && _world.Process(actor).Runnable && _world.Processes.Count(p => p.Runnable) > 1)
                ok &= Run(actor, TakeTurn(actor), false);
        }
        ok = ok
            && _world.Processes.Count(p => p.Runnable) == 1
            && _world.Processes.Count(p => p.Alive && p.Blocked is not null && !WaitsForTurn(p)) <= 1
            && died.All(d => _world.Process(d).Reaped)
            && !(waiterBefore is { } waiting && _world.Process(waiting.Id).Blocked is not null && waiting.Id != actor &&
                 touched.Any(t => Names(t.Step, waiting.On)));
        if (!ok)
        {
            Restore(mark);
            return false;
        }
        if (waiterBefore is null && Waiter is not null) _beforeWaiting = mark;
        return true;
    }

    /// <summary>How far the scripts, the moves and the racing fields had got: a point to go back to.</summary>
    private (Dictionary<string, int> Scripts, int History, int Racy) Mark() =>
        (_scripts.ToDictionary(s => s.Key, s => s.Value.Steps.Count), _history.Count, _racy.Count);

    private void Restore((Dictionary<string, int> Scripts, int History, int Racy) mark)
    {
        foreach (var (process, count) in mark.Scripts) _scripts[process].Truncate(count);
        _history.RemoveRange(mark.History, _history.Count - mark.History);
        _racy.RemoveRange(mark.Racy, _racy.Count - mark.Racy);
        _world = Rebuild(_history);
    }

    /// <summary>Where the moves stood before the process now waiting began to wait: the end goes back there if nothing wakes it.</summary>
    private (Dictionary<string, int> Scripts, int History, int Racy)? _beforeWaiting;

    private bool Established(string objectId) =>
        _binders.TryGetValue(objectId, out var binder) &&
        _scripts[binder].Steps.SelectMany(s => (IEnumerable<Step>)[s, .. s.Steps ?? []])
            .Any(s => s.Object == objectId && s.Op is Ops.Accept or Ops.Receive);

    private static bool Names(Step step, string objectId) =>
        step.Object == objectId || (step.Steps ?? []).Any(s => s.Object == objectId);

    /// <summary>
    /// The end: the last waiting call is let finish if it can be, every process waiting for its turn gets its last
    /// one, and all end together; owners that never used what they own stat it first.
    /// </summary>
    private void Finish()
    {
        for (var tries = 0; tries < 60 && Waiter is not null; tries++) Move(preferWaking: true);
        // Nothing could let the waiting call finish: take back everything from the move that began it.
        if (Waiter is not null && _beforeWaiting is { } checkpoint) Restore(checkpoint);
        if (Holder is not { } holder || Waiter is not null) throw new InvalidOperationException("the generator left a call waiting for good");
        _world.BeginFinishing();
        foreach (var waiting in _world.Processes.Where(WaitsForTurn).ToList()) Final(holder.Id, GiveTurn(waiting.Id));
        while (_world.Processes.FirstOrDefault(p => p.Runnable) is { } last)
        {
            foreach (var owned in OwnedButUnused(last.Id)) Final(last.Id, new Step { Op = Ops.Stat, Object = owned });
            // Now and then a process ends by exec'ing a program on what a pipe holds: nobody writes any more, so it
            // reads all of it once every other holder of a write end has ended too.
            Final(last.Id, choices.Chance(25) ? ExecStep(last) : null);
        }
    }

    /// <summary>A step of the end, when every process runs at once: each has nothing left but to end.</summary>
    private void Final(string actor, Step? step)
    {
        if (step is null) _world.End(actor);
        else _world.Execute(actor, step);
        _history.Add((actor, step, false));
        if (step is not null) _scripts[actor].Append(step);
    }
}

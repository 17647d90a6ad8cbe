using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Events;
using System.Text.Json;
using IpcPlayground.Worker.Framing;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Runs inside the sandbox as the ancestor of every worker: starts the root processes, hands each worker its
/// script, relays their frames to the server in time order, notices calls that block, reaps orphans, and ends the
/// run when the last process is gone or the timeout strikes. One thread, one poll loop.
/// </summary>
internal sealed unsafe class Supervisor(RunPlan plan, string socketName, ServerChannel server, ServerInput input)
{
    private const long Millisecond = 1_000_000;
    private const int MSG_DONTWAIT = 0x40;
    /// <summary>The record Native/signal_handler.c writes: 'SIGH' (little-endian), the signal, the time it ran, si_code, si_pid, si_value.</summary>
    private const uint SignalRecordMagic = 0x48474953u;
    private const int SignalRecordBytes = 32;

    /// <summary>The most of an exec'd program's output one event carries.</summary>
    private const int OutputChunk = 4096;
    private readonly Dictionary<int, WorkerConnection> _connections = [];
    private readonly ProcessTable _table = new();
    private readonly StateSnapshots _states = new(plan.Objects);
    private readonly StartBarrier _rootsAtStart = new(plan.Processes.Count(p => p.Parent is null));
    private readonly SpawnOrder _spawns = new();
    private readonly StepGate _gate = new(plan.StepMode);
    private readonly BlockDetector _blocks = new(plan.BlockedAfterMs * Millisecond);
    private readonly DeadlockDetector _deadlocks = new(DeadlockSettleMs * Millisecond);

    /// <summary>How long every process must stay blocked, with no frame from anyone, before the run is called deadlocked.</summary>
    private const long DeadlockSettleMs = 150;

    /// <summary>Frames the workers have sent so far: one more means some process moved.</summary>
    private long _frames;
    private readonly ReorderBuffer _buffer = new(plan.ReorderWindowMs * Millisecond);
    private readonly Dictionary<string, PlanProcess> _processes = plan.Processes.ToDictionary(p => p.Id, StringComparer.Ordinal);
    private bool _stopRequested;
    private bool _failed;
    private string? _failure;
    private int _listenFd = -1;
    private int _processGroup;

    public int Run()
    {
        var start = MonotonicClock.Now();
        var deadline = start + plan.TimeoutMs * Millisecond;
        Libc.Prctl(Libc.PR_SET_CHILD_SUBREAPER, 1);
        var failures = new List<string>();
        var enforced = ProcessLimits.Apply(plan, failures);
        server.Write(new RunStartedFrame { T = start, Pid = Libc.GetPid(), Enforced = enforced });
        server.Flush();
        Listen();
        Obey(input.BufferedCommands());
        if (failures.Count == 0) _states.MadeBySupervisor(NamedObjects.Create(plan.Objects, failures));
        foreach (var failure in failures) Fail(start, failure);
        if (failures.Count == 0)
            foreach (var root in plan.Processes.Where(p => p.Parent is null))
                StartRoot(root, start);

        string? ending = null;
        string? message = null;
        IReadOnlyList<BlockedCall>? waits = null;
        while (ending is null)
        {
            Poll(Timeout(deadline));
            var noneLeft = ReapChildren();
            var now = MonotonicClock.Now();
            DetectBlocked(now);
            foreach (var state in _states.WhileBlocked(_connections.Values, now)) _buffer.Add(state);
            if (now >= deadline)
            {
                ending = RunStatuses.Timeout;
                message = $"the run passed its limit of {plan.TimeoutMs} ms and was stopped";
                KillWorkers();
            }
            else if (input.Gone)
            {
                KillWorkers();
                return 0;
            }
            else if (_stopRequested)
            {
                ending = RunStatuses.Killed;
                message = "stopped by the person running it";
                KillWorkers();
            }
            else if (_deadlocks.Check(_connections.Values, _table, _frames, now) is { } deadlock)
            {
                ending = RunStatuses.Deadlock;
                waits = [.. deadlock.Select(w => new BlockedCall { Process = w.Process, Call = w.Call, Op = w.Op, Object = w.Object, Target = w.Target })];
                message = "every process is blocked in a call only another could end — " +
                    string.Join(", ", waits.Select(w => $"{w.Process} in {w.Call}({w.Object ?? w.Target})"));
                KillWorkers();
            }
            else if (noneLeft && _connections.Count == 0)
            {
                ending = _failed ? RunStatuses.Failed : RunStatuses.Completed;
            }
            foreach (var frame in _buffer.Release(now, all: ending is not null)) server.Write(frame);
            server.Flush();
        }
        server.Write(new RunEndedFrame { T = MonotonicClock.Now(), Status = ending, Message = message ?? _failure, Waits = waits });
        server.Flush();
        return 0;
    }

    private void Listen()
    {
        _listenFd = Libc.Socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0);
        var address = UnixAddress.Abstract(socketName);
        fixed (byte* a = address)
            if (_listenFd < 0 || Libc.Bind(_listenFd, a, address.Length) != 0 || Libc.Listen(_listenFd, 64) != 0)
                throw new IOException($"supervisor socket: {Errno.Name(Errno.Last())}");
    }

    // A worker killed (by another process's signal, by a fault) before its answer arrives leaves a connection whose
    // sends fail with EPIPE: the answer is dropped, and the connection closes when its last bytes have been read.
    private void SendScript(WorkerConnection connection, PlanProcess process) =>
        FrameSocket.TrySend(connection.Fd, new WorkerScript { Process = process, Objects = plan.Objects, SysvIds = _states.SupervisorIds, StepMode = _gate.StepMode }, WorkerProtocolJsonContext.Default.WorkerScript);

    private void StartRoot(PlanProcess root, long now)
    {
        var pid = Spawner.Spawn(["work", "--process", root.Id, "--supervisor", socketName], _processGroup);
        if (pid <= 0)
        {
            Fail(now, $"could not start process '{root.Id}': {Errno.Name(-pid)}");
            _rootsAtStart.Expect(-1);
            return;
        }
        if (_processGroup == 0) _processGroup = pid;
        _table.Add(root.Id, pid);
    }

    private int Timeout(long deadline)
    {
        var now = MonotonicClock.Now();
        var next = Math.Min(deadline, now + (Quiet() ? QuietTick : 2 * Millisecond));
        if (_buffer.NextDue is { } due) next = Math.Min(next, due);
        return (int)Math.Clamp((next - now + Millisecond - 1) / Millisecond, 0, 1000);
    }

    /// <summary>How often the loop looks around while <see cref="Quiet"/>: for the snapshots of a blocked call (every 100 ms).</summary>
    private const long QuietTick = 100 * Millisecond;

    /// <summary>
    /// In step mode, every living process held before its step, or blocked in a call already seen blocked, and at
    /// least one held (so no deadlock is building): nothing can happen that the loop would have to look for, since a
    /// step, a resume or a stop comes from the server, and a blocked call that returns (its own timeout, a signal) or a
    /// process that dies says so on its socket. Then the loop need not turn every 2 ms: a room of held runs costs next
    /// to nothing while it thinks. A process without a worker connection (starting, or an exec'd program) keeps the tick.
    /// </summary>
    private bool Quiet()
    {
        if (!_gate.StepMode) return false;
        int held = 0, settled = 0;
        foreach (var connection in _connections.Values)
        {
            if (connection.Process is null || connection.IsSignalChannel || connection.OutputStream is not null) continue;
            if (_gate.Holds(connection)) held++;
            else if (connection.Pending is null || !connection.PendingReportedBlocked) return false;
            settled++;
        }
        return held > 0 && settled == _table.Pids.Count(pid => !_table.ExitReported(pid));
    }

    private void Poll(int timeoutMs)
    {
        var fds = new Libc.PollFd[_connections.Count + 2];
        fds[0] = new Libc.PollFd { Fd = _listenFd, Events = Libc.POLLIN };
        fds[1] = new Libc.PollFd { Fd = 0, Events = Libc.POLLIN };
        var i = 2;
        foreach (var connection in _connections.Values)
            fds[i++] = new Libc.PollFd { Fd = connection.Fd, Events = Libc.POLLIN };
        int ready;
        fixed (Libc.PollFd* p = fds) ready = Libc.Poll(p, (nuint)fds.Length, timeoutMs);
        if (ready <= 0) return;
        if (fds[1].Revents != 0) ReadServer();
        for (var j = 2; j < fds.Length; j++)
            if (fds[j].Revents != 0 && _connections.TryGetValue(fds[j].Fd, out var worker)) ReadFrom(worker);
        if ((fds[0].Revents & Libc.POLLIN) != 0) Accept();
    }

    /// <summary>The server keeps standard input open for the whole run; step-mode commands arrive on it.</summary>
    private void ReadServer() => Obey(input.ReadCommands());

    private void Obey(List<ControlFrame> commands)
    {
        foreach (var command in commands)
        {
            switch (command.Command)
            {
                case ControlCommands.Step when command.Target is not null:
                    if (_gate.Step(command.Target) is { } going)
                    {
                        going.PendingReportedBlocked = false;
                        going.BlockedAtGo = WakeWatch.BlockedNow(_connections.Values, going);
                    }
                    break;
                case ControlCommands.Resume:
                    _gate.Resume();
                    break;
                case ControlCommands.Stop:
                    _stopRequested = true;
                    break;
            }
        }
    }

    private void Accept()
    {
        var fd = Libc.Accept4(_listenFd, null, null, Libc.SOCK_CLOEXEC);
        if (fd >= 0) _connections[fd] = new WorkerConnection(fd);
    }

    private void ReadFrom(WorkerConnection connection)
    {
        if (connection.OutputStream is not null)
        {
            ReadOutput(connection);
            return;
        }
        var space = connection.Assembler.FreeSpace();
        nint n;
        // Without waiting: a worker's bytes may already have been read while another worker's query was answered.
        fixed (byte* s = space) n = Libc.Recv(connection.Fd, s, space.Length, MSG_DONTWAIT);
        if (n <= 0)
        {
            if (n < 0 && Errno.Last() is Libc.EINTR or Libc.EAGAIN) return;
            Libc.Close(connection.Fd);
            _connections.Remove(connection.Fd);
            if (connection.Process is { } process) _gate.Forget(process, connection);
            return;
        }
        connection.Assembler.Commit((int)n);
        while (connection.IsSignalChannel ? TakeSignalRecord(connection) : TakeFrame(connection)) { }
    }

    /// <summary>What an exec'd program wrote since the last read, as one output event; at end of file the pipe is closed.</summary>
    private void ReadOutput(WorkerConnection output)
    {
        var buffer = new byte[OutputChunk];
        nint n;
        fixed (byte* b = buffer) n = Libc.Read(output.Fd, b, buffer.Length);
        if (n < 0 && Errno.Last() is Libc.EINTR or Libc.EAGAIN) return;
        if (n <= 0)
        {
            Libc.Close(output.Fd);
            _connections.Remove(output.Fd);
            return;
        }
        _frames++;
        _buffer.Add(new OutputFrame { T = MonotonicClock.Now(), Process = output.Process, Pid = output.Pid, Stream = output.OutputStream!, Data = buffer[..(int)n] });
    }

    /// <summary>
    /// A worker about to execve a program: the read ends of its output pipes are opened through /proc (a new open of the
    /// same pipe) and read from then on; the go lets the worker close its own and exec.
    /// </summary>
    private void Exec(WorkerConnection connection, ExecFrame exec)
    {
        foreach (var output in exec.Outputs)
        {
            var fd = Libc.Open($"/proc/{connection.Pid}/fd/{output.Fd}", Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
            if (fd < 0)
            {
                Fail(MonotonicClock.Now(), $"the {output.Stream} of '{connection.Process}' cannot be read: {Errno.Name(Errno.Last())}");
                continue;
            }
            _connections[fd] = new WorkerConnection(fd) { Process = connection.Process, Pid = connection.Pid, OutputStream = output.Stream };
        }
        FrameSocket.TrySend<ISupervisorReply>(connection.Fd, new GoFrame(), WorkerProtocolJsonContext.Default.ISupervisorReply);
    }

    private bool TakeFrame(WorkerConnection connection)
    {
        if (!connection.Assembler.TryTake(out var payload)) return false;
        _frames++;
        var frame = JsonSerializer.Deserialize(payload.Span, WorkerProtocolJsonContext.Default.IWorkerFrame);
        if (frame is not null) Handle(connection, frame);
        return true;
    }

    /// <summary>A record the C handler wrote: magic 'SIGH', the signal number, the monotonic time it ran, and what siginfo said.</summary>
    private bool TakeSignalRecord(WorkerConnection connection)
    {
        if (!connection.Assembler.TryTakeRecord(SignalRecordBytes, out var record)) return false;
        _frames++;
        if (BitConverter.ToUInt32(record, 0) != SignalRecordMagic) return true;
        _buffer.Add(FromSiginfo(new SignalFrame
        {
            T = BitConverter.ToInt64(record, 8), Process = connection.Process, Pid = connection.Pid,
            Signal = BitConverter.ToInt32(record, 4), Disposition = SignalDispositions.Handled,
            Code = BitConverter.ToInt32(record, 16), SenderPid = BitConverter.ToInt32(record, 20), Value = BitConverter.ToInt32(record, 24),
        }));
        return true;
    }

    /// <summary>
    /// A signal as siginfo told it (a handler's record, sigtimedwait's siginfo) made into what the event says: si_pid
    /// names a sender only for a process's kill, sigqueue or tkill and a child's SIGCHLD; si_value means something only
    /// for sigqueue.
    /// </summary>
    private SignalFrame FromSiginfo(SignalFrame raw)
    {
        var code = raw.Code ?? SignalCodes.User;
        return raw with
        {
            Sender = raw.SenderPid is { } pid && SignalCodes.NamesSender(raw.Signal, code) ? _table.ProcessOf(pid) : null,
            SenderPid = null,
            Value = code == SignalCodes.Queue ? raw.Value : null,
        };
    }

    private void Handle(WorkerConnection connection, IWorkerFrame frame)
    {
        switch (frame)
        {
            case HelloFrame { Channel: "signals" } hello:
                connection.Process = hello.Process;
                connection.Pid = hello.Pid;
                connection.IsSignalChannel = true;
                break;
            case HelloFrame hello:
                connection.Process = hello.Process;
                connection.Pid = hello.Pid;
                _table.Add(hello.Process ?? "", hello.Pid);
                if (!_processes.TryGetValue(hello.Process ?? "", out var process))
                {
                    Libc.Close(connection.Fd);
                    _connections.Remove(connection.Fd);
                    return;
                }
                _buffer.Add(new ProcessStartedFrame { T = _spawns.Started(hello.Process!, hello.T), Process = hello.Process, Pid = hello.Pid, Parent = process.Parent });
                if (process.Parent is null) _rootsAtStart.Arrive(connection, process);
                else SendScript(connection, process);
                foreach (var (root, script) in _rootsAtStart.Released()) SendScript(root, script);
                break;
            case StepBeginFrame begin:
                connection.Pending = begin;
                connection.PendingReportedBlocked = false;
                break;
            case StepEndFrame end:
                connection.Pending = null;
                // A call that did not sleep took effect when it was made; the process it woke often runs first and
                // reports before the caller is back from the kernel. A call that slept took effect when it woke.
                if (!end.Slept) end = end with { T = end.T - end.DurationNs };
                if (end.Op == Ops.Spawn && end.Result > 0 && end.Target is not null)
                {
                    _table.Add(end.Target, (int)end.Result);
                    end = end with { T = _spawns.Spawned(end.Target, end.T) };
                }
                if (end is { Object: { } used, SysvId: { } usedId }) _states.Used(used, usedId);
                if (connection.BlockedAtGo is { } watched)
                {
                    // A step that slept itself woke no one: whoever woke meanwhile was woken by the steps that ran then.
                    if (!connection.PendingReportedBlocked) end = end with { Woke = WakeWatch.Awake(watched) };
                    connection.BlockedAtGo = null;
                }
                _buffer.Add(end);
                if (end.Object is { } touched && _states.OfObject(touched, end.SysvId, MonotonicClock.Now(), end.Op) is { } objectState) _buffer.Add(objectState);
                if (end is { Op: Ops.Signal, Fate: { } fate, Signal: { } sent, Target: { } target } && _table.TryGetPid(target, out var targetPid))
                    _buffer.Add(new SignalFrame
                    {
                        T = end.T + 1, Process = target, Pid = targetPid, Signal = sent, Disposition = fate,
                        Code = end.Value is null ? SignalCodes.User : SignalCodes.Queue, Sender = end.Process, Value = (int?)end.Value,
                    });
                break;
            case HeldFrame held:
                connection.BlockedAtGo = null;
                if (!_gate.Hold(held.Process ?? "", connection)) break;
                _buffer.Add(held);
                // Who holds which end as the step waits: what a person predicting it reasons from.
                foreach (var other in _connections.Values.Where(c => !c.IsSignalChannel && c.Process is not null && c.OutputStream is null))
                    if (_states.OfProcess(other, held.T) is { } state) _buffer.Add(state);
                break;
            case PidQueryFrame query:
                // A spawn that happened before the query (the asker learnt of it from the spawner) may still sit
                // unread on the spawner's socket: read what every other worker has sent before saying "not started".
                if (!_table.Knows(query.Target)) ReadEveryOtherWorker(connection);
                FrameSocket.TrySend<ISupervisorReply>(connection.Fd, new PidAnswerFrame { Answer = _table.PidOf(query.Target) }, WorkerProtocolJsonContext.Default.ISupervisorReply);
                break;
            case StateFrame state:
                _buffer.Add(state with { State = _states.Label(state.Object, state.State) });
                break;
            case ExecFrame exec:
                Exec(connection, exec);
                break;
            case HandlesFrame handles:
                connection.Descriptors = handles.Fds;
                break;
            case SignalFrame signal:
                _buffer.Add(signal.SenderPid is null ? signal : FromSiginfo(signal));
                break;
            case ExitingFrame exiting:
                ReportExit(exiting.Pid, exiting.T, exiting.Code, null);
                break;
            case ChildExitedFrame child:
                ReportExit(child.Pid, child.T, child.ExitCode, child.Signal, child.CpuNs);
                break;
            case FailureFrame failure:
                _failed = true;
                _failure ??= failure.Message;
                _buffer.Add(failure);
                break;
        }
    }

    /// <summary>Reads whatever the other workers have sent so far, without waiting.</summary>
    private void ReadEveryOtherWorker(WorkerConnection asking)
    {
        var others = _connections.Values.Where(c => c != asking && !c.IsSignalChannel).ToArray();
        var fds = others.Select(c => new Libc.PollFd { Fd = c.Fd, Events = Libc.POLLIN }).ToArray();
        int ready;
        fixed (Libc.PollFd* p = fds) ready = Libc.Poll(p, (nuint)fds.Length, 0);
        for (var i = 0; ready > 0 && i < fds.Length; i++)
            if (fds[i].Revents != 0 && _connections.ContainsKey(others[i].Fd)) ReadFrom(others[i]);
    }

    private void ReportExit(int pid, long t, int? exitCode, int? signal, long? cpuNs = null)
    {
        if (!_table.FirstExitOf(pid)) return;
        if (signal is { } killedBy)
            _buffer.Add(new SignalFrame { T = t, Pid = pid, Process = _table.ProcessOf(pid), Signal = killedBy, Disposition = SignalDispositions.Default });
        _buffer.Add(new ProcessExitedFrame { T = t, Pid = pid, Process = _table.ProcessOf(pid), ExitCode = exitCode, Signal = signal, CpuNs = cpuNs });
    }

    /// <summary>
    /// Roots are this process's children, and orphans come to it as the subreaper. Returns true when none is left
    /// (ECHILD): then every process of the run is gone, since a live descendant would be a child or an orphan of ours.
    /// </summary>
    private bool ReapChildren()
    {
        int status;
        int pid;
        while ((pid = Libc.WaitPid(-1, &status, Libc.WNOHANG, out var cpuNs)) > 0)
        {
            var decoded = new WaitStatus(status);
            ReportExit(pid, MonotonicClock.Now(), decoded.Exited ? decoded.ExitCode : null, decoded.Signaled ? decoded.TermSignal : null, cpuNs);
        }
        return pid < 0 && Errno.Last() == Libc.ECHILD;
    }

    private void DetectBlocked(long now)
    {
        foreach (var (connection, blocked) in _blocks.Detect(_connections.Values, now))
        {
            if (blocked is null) continue;
            _buffer.Add(blocked);
            if (_states.OfProcess(connection, now + 1) is { } state) _buffer.Add(state);
        }
    }

    private void KillWorkers()
    {
        // Each process still running dies of the SIGKILL below, but a parent that is waiting for its child may reap
        // it while both die, and then nobody else sees that end: it is reported here, as the C program's main does.
        var running = _table.Pids.Where(pid => !_table.ExitReported(pid) && ProcStat.State(pid) is { } state && state != 'Z').ToList();
        if (_processGroup > 0) Libc.Kill(-_processGroup, Libc.SIGKILL);
        foreach (var pid in _table.Pids) Libc.Kill(pid, Libc.SIGKILL);
        var until = MonotonicClock.Now() + 500 * Millisecond;
        while (!ReapChildren() && MonotonicClock.Now() < until) Thread.Sleep(1);
        foreach (var pid in running) ReportExit(pid, MonotonicClock.Now(), null, Libc.SIGKILL);
        foreach (var connection in _connections.Values) Libc.Close(connection.Fd);
        _connections.Clear();
    }

    private void Fail(long now, string message)
    {
        _failed = true;
        _failure ??= message;
        _buffer.Add(new FailureFrame { T = now, Message = message });
    }
}

using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>What a step did to the simulated world.</summary>
internal sealed class SimOutcome
{
    /// <summary>Why the simulator cannot say for certain what the kernel will do (the generator then picks another step).</summary>
    public string? Unpredictable { get; private set; }

    /// <summary>The actor now waits in the step's call.</summary>
    public bool Blocked { get; set; }

    /// <summary>Processes whose waiting call this step let finish.</summary>
    public List<string> Woken { get; } = [];

    /// <summary>Processes that died of it (the actor included, for a SIGPIPE or an unblocked fatal signal).</summary>
    public List<string> Died { get; } = [];

    /// <summary>Fields of steps whose value depends on timing though the rest does not.</summary>
    public List<(string Process, Step Step, string Field)> Racy { get; } = [];

    public SimOutcome Refuse(string reason)
    {
        Unpredictable ??= reason;
        return this;
    }
}

/// <summary>
/// A model of the kernel state an experiment's steps touch, enough to tell, before a step is added, whether its call
/// will return at once, wait, or let another process's waiting call return — and to refuse what depends on timing.
/// It predicts no results: the oracle compares the run with the C program, not with this model.
/// </summary>
internal sealed partial class SimWorld
{
    private const int Sigchld = 17;
    private readonly Dictionary<string, SimProcess> _processes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimObject> _objects = new(StringComparer.Ordinal);

    public IEnumerable<SimProcess> Processes => _processes.Values;
    public SimProcess Process(string id) => _processes[id];
    public SimObject Object(string id) => _objects[id];
    public bool HasProcess(string id) => _processes.ContainsKey(id);

    /// <summary>
    /// Set by the generator for a step that follows a sleep of the timing margin: a call another process entered
    /// before that sleep is certainly under way, so a signal may interrupt it or a removal fail it.
    /// </summary>
    public bool MarginElapsed { get; set; }

    /// <summary>Set for the end, when every process ends at once and nothing depends on which ends first.</summary>
    private bool _finishing;

    public void BeginFinishing() => _finishing = true;

    public void AddObject(SimObject obj) => _objects[obj.Id] = obj;

    /// <summary>A process that starts with the run (a root); it makes its anonymous objects and binds its sockets.</summary>
    public SimProcess StartRoot(string id)
    {
        var process = new SimProcess(id, null) { Started = true };
        _processes[id] = process;
        Begin(process);
        return process;
    }

    /// <summary>Before a process's first step: what each object has it make or bind (its pipes, its sockets).</summary>
    private void Begin(SimProcess process)
    {
        foreach (var obj in _objects.Values) obj.Begin(process);
    }

    /// <summary>The step being executed, for a waiting call that the step lets finish.</summary>
    internal (string Actor, Step Step)? Current { get; private set; }

    public SimOutcome Execute(string actor, Step step)
    {
        var outcome = new SimOutcome();
        var process = _processes[actor];
        if (!process.Runnable) return outcome.Refuse($"{actor} cannot take a step now");
        Current = (actor, step);
        Run(process, step, outcome);
        if (!outcome.Blocked) process.Finished++;
        if (outcome.Unpredictable is null) Settle(outcome);
        Current = null;
        return outcome;
    }

    private void Run(SimProcess process, Step step, SimOutcome outcome)
    {
        switch (step.Op)
        {
            case Ops.Repeat: Repeat(process, step, outcome); break;
            case Ops.Write: ObjectOf(step).Write(this, process, step, outcome); break;
            case Ops.Read: ObjectOf(step).Read(this, process, step, outcome); break;
            case Ops.Open: ObjectOf(step).Open(this, process, step, outcome); break;
            case Ops.Accept: ObjectOf(step).Accept(this, process, step, outcome); break;
            case Ops.Close: ObjectOf(step).Close(this, process, step, outcome); break;
            case Ops.Send: ObjectOf(step).Send(this, process, step, outcome); break;
            case Ops.Receive: ObjectOf(step).Receive(this, process, step, outcome); break;
            case Ops.Store or Ops.Load or Ops.Increment: ObjectOf(step).AccessMemory(this, process, step, outcome); break;
            case Ops.SemWait or Ops.SemPost: ObjectOf(step).Semaphore(this, process, step, outcome); break;
            case Ops.Signal: SendSignal(process, step, outcome); break;
            case Ops.Handle: Handle(process, step, outcome); break;
            case Ops.Block or Ops.Unblock: Mask(process, step, outcome); break;
            case Ops.WaitSignal: WaitSignal(process, step, outcome); break;
            case Ops.Spawn: Spawn(process, step, outcome); break;
            case Ops.Wait: Wait(process, step, outcome); break;
            case Ops.Sleep or Ops.Stat: break; // they change nothing the model follows
            case Ops.Remove: ObjectOf(step).Remove(this, process, step, outcome); break;
            case Ops.Exit: Die(process, outcome); break;
            case Ops.Fault: Fault(process, step, outcome); break;
            // A poll that does not wait changes nothing the model follows; one that waits ends when some object
            // becomes ready, which the model does not follow.
            case Ops.Poll when step.TimeoutMs == 0: break;
            case Ops.Poll: outcome.Refuse("a poll that waits"); break;
            case Ops.SendFd: ObjectOf(step).SendFd(this, process, step, outcome); break;
            case Ops.ReceiveFd: ObjectOf(step).ReceiveFd(this, process, step, outcome); break;
            case Ops.Exec: Exec(process, step, outcome); break;
            default: outcome.Refuse($"the simulator does not know op '{step.Op}'"); break;
        }
    }

    private SimObject ObjectOf(Step step) => _objects[step.Object!];

    /// <summary>A repeat's steps, times over; each must return at once and touch nobody else.</summary>
    private void Repeat(SimProcess process, Step step, SimOutcome outcome)
    {
        for (var n = 0; n < (step.Times ?? 1) && outcome.Unpredictable is null; n++)
            foreach (var inner in step.Steps ?? [])
            {
                var each = new SimOutcome();
                Run(process, inner, each);
                if (each.Unpredictable is null) Settle(each);
                if (each.Unpredictable is { } reason) outcome.Refuse(reason);
                else if (each.Blocked || each.Woken.Count > 0 || each.Died.Count > 0 || each.Racy.Count > 0)
                    outcome.Refuse("a repeat's steps must not wait, wake, kill or race");
                if (outcome.Unpredictable is not null) return;
            }
    }

    /// <summary>The process ends (its script ran out, or exit): everything it holds closes; its parent may be waiting.</summary>
    public SimOutcome End(string process)
    {
        var outcome = new SimOutcome();
        Die(_processes[process], outcome);
        if (outcome.Unpredictable is null) Settle(outcome);
        return outcome;
    }

    private void Die(SimProcess process, SimOutcome outcome)
    {
        if (process.Dead) return;
        process.Dead = true;
        process.Blocked = null;
        outcome.Died.Add(process.Id);
        foreach (var ((set, member), adjustment) in process.Undo)
            if (!set.Removed) set.Values[member] = Math.Clamp(set.Values[member] + adjustment, 0, 32767);
        foreach (var mapped in process.Mappings.Values.OfType<SysvInstance>()) mapped.Attached--;
        process.Mappings.Clear();
        if (process.Parent is { } parent && _processes[parent] is { Alive: true } mother)
        {
            // SIGCHLD: discarded by default; a blocked one stays pending. The generator never handles it. A parent
            // that ignores it has its children reaped by the kernel: nobody can wait for this end.
            if (mother.Blocks(Sigchld)) mother.Pending |= SimProcess.Bit(Sigchld);
            else if (mother.Dispositions[Sigchld] == SignalActions.Log) outcome.Refuse("a handled SIGCHLD interrupts whatever its parent waits in");
            else if (mother.Dispositions[Sigchld] == SignalActions.Ignore)
            {
                process.Reaped = true;
                if (!_finishing) outcome.Refuse("a child of a parent that ignores SIGCHLD ends while others run on");
            }
        }
        AfterClosing(outcome);
    }

    /// <summary>
    /// exec of a program that reads its standard input to the end: followed only when that end comes at once (no
    /// input, or a pipe nobody can write to any more), so the program takes what is buffered and exits. The process
    /// ends either way: after a failed dup2 (EBADF) its script has nothing left.
    /// </summary>
    private void Exec(SimProcess process, Step step, SimOutcome outcome)
    {
        if (step.Stdin is { Object: { } id } stdin && process.Find(id, stdin.End ?? "read") is PipeEnd { CanRead: true } input)
        {
            // At the end every other process ends too, with nothing more to write: only the program's own write end keeps it waiting.
            var writers = _finishing ? process.AllDescriptions : Held;
            if (writers.OfType<PipeEnd>().Any(e => e.Buffer == input.Buffer && e.CanWrite))
            {
                outcome.Refuse("an exec'd program whose input someone can still write to");
                return;
            }
            input.Buffer.Read(int.MaxValue);
        }
        else if (step.Stdin is { Object: { } other } && process.Find(other, step.Stdin.End ?? "read") is not null)
        {
            outcome.Refuse("an exec'd program reading something other than a pipe");
            return;
        }
        Die(process, outcome);
    }

    /// <summary>Completes every waiting call the world now lets finish.</summary>
    private void Settle(SimOutcome outcome)
    {
        for (var progress = true; progress;)
        {
            progress = false;
            foreach (var waiting in _processes.Values.Where(p => p.Alive && p.Blocked is not null).ToList())
            {
                var call = waiting.Blocked!;
                if (!call.TryComplete(outcome)) continue;
                waiting.Blocked = null;
                waiting.Finished++;
                outcome.Woken.Add(waiting.Id);
                foreach (var field in call.RacyFields) outcome.Racy.Add((waiting.Id, call.Step, field));
                progress = true;
            }
        }
    }

    /// <summary>
    /// A waiting call ended by something other than what it waits for (EIDRM, EINTR): predictable only once the
    /// generator has slept the timing margin, so the call is surely under way; then it returns (true).
    /// </summary>
    internal bool Interrupted(SimOutcome settling, string why)
    {
        if (!MarginElapsed) settling.Refuse(why + " before it surely waits");
        return true;
    }

    /// <summary>The bytes a write or send step passes: its text, or as many zero bytes as its size.</summary>
    internal static byte[] Bytes(Step step) =>
        step.Data is { } data ? System.Text.Encoding.UTF8.GetBytes(data) : new byte[step.Size ?? 0];
}

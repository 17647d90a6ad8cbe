using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Exports.CProgram.Mechanisms;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram;

/// <summary>
/// One process's steps as C statements, each the call the worker's StepRunner makes for that op and object type
/// (server/IpcPlayground.Worker/Execution): what depends on the object's type is its <see cref="CMechanism"/>'s, with
/// the decisions the worker takes from the plan (which end a step uses, buffer sizes, defaults). Records which runtime
/// helpers the statements call.
/// </summary>
internal sealed class StepTranslator(PlanProcess process, int processIndex, IReadOnlyDictionary<string, PlanObject> objects, HashSet<string> helpers)
{
    /// <summary>Writes the steps; <paramref name="contractPath"/> is the JSON path of their list, e.g. <c>processes[0].steps</c>.</summary>
    public void Write(CodeWriter code, IReadOnlyList<PlanStep> steps, string contractPath, string stepPrefix = "", int depth = 0)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var path = $"{contractPath}[{i}]";
            var number = stepPrefix + CLiteral.Number(i);
            code.Line($"/* {CLiteral.CommentText($"{process.Id}, step {number} ({path}): {Describe(step)}")} */");
            if (step.Kind == OpKind.Repeat)
            {
                var counter = Round(depth + 1);
                code.Open($"for (int {counter} = 0; {counter} < {step.Times ?? 1}; {counter}++)");
                Write(code, step.Steps ?? [], path + ".steps", number + ".", depth + 1);
                code.Close();
                continue;
            }
            // Where the process is in its script, for the trace the fidelity oracle compares with a run's events.
            helpers.Add("at_step");
            code.Line($"at_step({CLiteral.String(number)}, {(depth == 0 ? "-1" : Round(depth))});");
            code.Line(Statement(step, path));
        }
    }

    private static string Round(int depth) => $"round_{depth}";

    private static string Describe(PlanStep step) =>
        string.Join(' ', new[] { step.Op, step.Object ?? step.Target, step.End is null ? null : $"({step.End} end)" }.Where(s => s is not null));

    private string Statement(PlanStep step, string path) => step.Kind switch
    {
        OpKind.Write => On(step, path, (m, t) => m.Write(_c, step, t), "byte streams"),
        OpKind.Read => On(step, path, (m, t) => m.Read(_c, step, t), "byte streams"),
        OpKind.Accept => _c.Call("accept_connection", Ref(step, path)),
        OpKind.Fault => _c.Call("commit_fault", Number(FaultKinds.Number(step.FaultKind!))),
        OpKind.Poll => Poll(step),
        OpKind.Exec => Exec(step),
        OpKind.SendFd => On(step, path, (m, t) => m.SendFd(_c, step, t, Passed(step.Fd!)), "Unix sockets"),
        OpKind.ReceiveFd => On(step, path, (m, t) => m.ReceiveFd(_c, step, t, "&" + CNames.Object(step.As!.Object!),
            CMechanisms.For(objects[step.As.Object!].Kind).ReceivedEnd(step.As.End)), "Unix sockets"),
        OpKind.Close => _c.Call("close_object", Ref(step, path), step.End is null ? "ALL_ENDS" : CNames.End(step.End)),
        OpKind.Open => On(step, path, (m, t) => m.Open(_c, step, t), "objects that are opened"),
        OpKind.Send => On(step, path, (m, t) => m.Send(_c, step, t), "message queues and datagram sockets"),
        OpKind.Receive => On(step, path, (m, t) => m.Receive(_c, step, t), "message queues and datagram sockets"),
        OpKind.Store => Store(step, path),
        OpKind.Load => _c.Call("load_bytes", SharedMemory(step, path), Number(step.Offset ?? 0), Number(step.Length ?? 4)),
        OpKind.Increment => _c.Call("increment_counter", SharedMemory(step, path), Number(step.Offset ?? 0), Number(step.Times ?? 1), CStatements.Flag(step.Atomic)),
        OpKind.SemWait => On(step, path, (m, t) => m.Semaphore(_c, step, t, -1), "semaphores"),
        OpKind.SemPost => On(step, path, (m, t) => m.Semaphore(_c, step, t, +1), "semaphores"),
        OpKind.Signal => _c.Call("send_signal", Process(step.Target, path), Signal(step.Signal, path), step.Value is null ? "0" : "1", Number(step.Value ?? 0)),
        OpKind.Handle => _c.Call("handle_signal", Signal(step.Signal, path),
            step.Action switch { SignalActions.Log => "ACTION_LOG", SignalActions.Ignore => "ACTION_IGNORE", _ => "ACTION_DEFAULT" }, HandlerFlags(step.Flags)),
        OpKind.Block => _c.Call("mask_signals", "SIG_BLOCK", SignalList(step.Signals), Number(step.Signals?.Count ?? 0)),
        OpKind.Unblock => _c.Call("mask_signals", "SIG_UNBLOCK", SignalList(step.Signals), Number(step.Signals?.Count ?? 0)),
        OpKind.WaitSignal => _c.Call("wait_for_signal", SignalList(step.Signals), Number(step.Signals?.Count ?? 0), Number(step.TimeoutMs ?? -1)),
        OpKind.Spawn => _c.Call("spawn_process", Process(step.Target, path), CNames.ProcessFunction(step.Target!)),
        OpKind.Wait => _c.Call("wait_for_child", Process(step.Target, path)),
        OpKind.Sleep => _c.Call("sleep_ms", Number(step.Ms ?? 0)),
        OpKind.Stat when step.Path is { } file => _c.Call("stat_path", CLiteral.String(file)),
        OpKind.Stat => _c.Call(CMechanisms.For(Object(step, path).Kind).StatHelper, Ref(step, path)),
        OpKind.Remove => _c.Call("remove_object", Ref(step, path)),
        OpKind.Exit => $"return {Number(step.Code ?? 0)};",
        // A repeat is a loop around its steps (Translate), never a statement of its own.
        OpKind.Repeat => throw Unsupported(path, step, "a repeat is translated as a loop"),
    };

    private readonly CStatements _c = new(helpers);

    /// <summary>The op's call as the step's object type makes it, or a refusal naming the types that take the op.</summary>
    private string On(PlanStep step, string path, Func<CMechanism, CTarget, string?> call, string takenBy)
    {
        var obj = Object(step, path);
        return call(CMechanisms.For(obj.Kind), new CTarget(Ref(step, path), obj, process.Creates.Contains(obj.Id)))
            ?? throw Unsupported(path, step, $"{step.Op} works on {takenBy}, and '{obj.Id}' is a {obj.Type}");
    }

    private static string Number(long value) => CLiteral.Number(value);

    /// <summary>A handle step's flags as sigaction's <c>SA_RESTART | SA_RESETHAND | SA_NODEFER</c>, or <c>0</c>.</summary>
    private static string HandlerFlags(IReadOnlyList<string>? flags) =>
        flags is { Count: > 0 }
            ? string.Join(" | ", flags.Distinct().Select(f => f switch { SignalFlags.Restart => "SA_RESTART", SignalFlags.ResetHand => "SA_RESETHAND", _ => "SA_NODEFER" }))
            : "0";

    private PlanObject Object(PlanStep step, string path) =>
        step.Object is not null && objects.TryGetValue(step.Object, out var obj)
            ? obj
            : throw Unsupported(path, step, $"the step names no object of the experiment ('{step.Object}')");

    private string Ref(PlanStep step, string path) => "&" + CNames.Object(Object(step, path).Id);

    /// <summary>
    /// poll(2) over the entries' descriptors, chosen as the worker chooses them: an entry's end (the planner names a
    /// pipe's or FIFO's), else the one the process holds (<c>first_held</c>).
    /// </summary>
    private string Poll(PlanStep step)
    {
        var targets = step.PollTargets!;
        var entries = targets.Select(t =>
        {
            var obj = objects[t.Object!];
            var end = t.End is { } e ? CNames.End(e) : "-1";
            var events = string.Join(" | ", (t.Events ?? []).Select(name => name == PollEvents.In ? "POLLIN" : "POLLOUT"));
            return $"{{ &{CNames.Object(obj.Id)}, {end}, {events} }}";
        });
        return "{ const struct poll_entry entries[] = { " + string.Join(", ", entries) + " }; "
            + _c.Call("poll_objects", "entries", Number(targets.Count), Number(step.TimeoutMs ?? -1)) + " }";
    }

    /// <summary>exec: the program's argv as a C array, and the descriptors made its standard input and output (-2: not redirected).</summary>
    private string Exec(PlanStep step)
    {
        var argv = new[] { Path.GetFileName(step.Program!) }.Concat(step.Args ?? []).Select(CLiteral.String).Append("NULL");
        return "{ char *const argv[] = { " + string.Join(", ", argv) + " }; "
            + _c.Call("exec_program", CLiteral.String(step.Program!), "argv", step.Stdin is { } i ? Passed(i) : "-2", step.Stdout is { } o ? Passed(o) : "-2") + " }";
    }

    /// <summary>The descriptor a sendFd passes: its end, else the one a step that names none uses (<c>first_held</c>).</summary>
    private string Passed(DescriptorRef fd) =>
        fd.End is { } end ? $"{CNames.Object(fd.Object!)}.fd[{CNames.End(end)}]" : _c.Expression("first_held", "&" + CNames.Object(fd.Object!));

    private string SharedMemory(PlanStep step, string path)
    {
        var obj = Object(step, path);
        return CMechanisms.For(obj.Kind).IsMemory
            ? "&" + CNames.Object(obj.Id)
            : throw Unsupported(path, step, $"{step.Op} works on shared memory, and '{obj.Id}' is a {obj.Type}");
    }

    private string Store(PlanStep step, string path)
    {
        var target = SharedMemory(step, path);
        var offset = Number(step.Offset ?? 0);
        if (step.Data is { } data) return _c.Call("store_bytes", target, offset, CLiteral.Bytes(data), Number(data.Length));
        if (step.Size is { } size) return _c.Call("store_generated", target, offset, Number(size));
        return _c.Call("store_int32", target, offset, Number(step.Int32 ?? 0));
    }

    private string Process(string? target, string path) =>
        target is not null ? CNames.ProcessIndex(target) : throw new NotSupportedException($"step {path} names no process");

    private static string Signal(int? signal, string path) =>
        signal is { } number ? CNames.Signal(number) : throw new NotSupportedException($"step {path} names no signal");

    private static string SignalList(IReadOnlyList<int>? signals) =>
        signals is { Count: > 0 } ? $"(int[]){{ {string.Join(", ", signals.Select(CNames.Signal))} }}" : "(int[]){ 0 }";

    private NotSupportedException Unsupported(string path, PlanStep step, string why) =>
        new($"step {path} ({step.Op} in process '{process.Id}', processes[{processIndex}]): {why}");
}
